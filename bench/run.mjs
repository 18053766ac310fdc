// make bench: measures whosaid natively, in headless Chromium beside the
// compromise npm package, and as the page a visitor downloads, then writes
// bench/results.md. Timings on a shared machine are noisy: every number is
// a median of several runs, and the peer ratio comes from one page and run.
// Usage: node bench/run.mjs [--quick]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, readTexts, sharedDir, utf8Bytes } from './corpus.mjs';
import { buildNative, cliJsonl, nativeScale, nativeStages, nativeThroughput } from './native.mjs';
import { launch, pageLoad, peerSize, serve, wasmScale, wasmThroughput } from './browser.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const n = (full, fast) => (quick ? fast : full);
const shared = sharedDir();
const corpus = path.join(shared, 'corpus/polnear-dev.jsonl');
const texts = readTexts(corpus);
const seed = readTexts(path.join(shared, 'corpus/seeds.jsonl'))[0];
const SIZES = [1e4, 1e5, 1e6, 1e7];
const log = (s) => console.error(`bench: ${s}`);

log(`native (${texts.length} PolNeAR dev articles, ${(utf8Bytes(texts) / 1e6).toFixed(2)} MB)`);
// The shipped native build is profile-guided (bench/pgo.sh, `make native-pgo`);
// the plain `cargo build --release` is measured beside it.
const plainExe = buildNative(root);
let exe = plainExe;
let pgo = true;
try {
  exe = buildNative(root, { pgo: true });
} catch (e) {
  // NOTE: a machine that cannot install llvm-tools still gets its numbers,
  // of the plain build, marked as such in the report.
  log(`no profile-guided build (${e.message}); measuring the plain build only`);
  pgo = false;
}
// NOTE: the two builds' throughput runs alternate, so that a slow stretch of
// this shared machine falls on both alike.
const runs = { pgo: [], plain: [] };
for (let r = 0; r < n(3, 1); r++) {
  runs.plain.push(...nativeThroughput(plainExe, corpus, n(9, 3)).mbps);
  runs.pgo.push(...nativeThroughput(exe, corpus, n(9, 3)).mbps);
}
const native = { median: median(runs.pgo), plain: median(runs.plain) };
const stages = nativeStages(exe, corpus, n(5, 2));
const jsonl = cliJsonl(path.join(root, pgo ? 'target/pgo/use/release/whosaid' : 'target/release/whosaid'), texts, 4, n(5, 2));
const nscale = nativeScale(exe, corpus, SIZES.map((s, i) => [s, n([21, 11, 7, 3][i], 2)]));

log('browser');
const { server, base } = await serve(root);
const browser = await launch();
let wasm, wscale, load;
try {
  wasm = await wasmThroughput(browser, base, texts, n(9, 3), n(3, 1));
  wscale = await wasmScale(browser, base, texts, SIZES.map((s, i) => [s, n([21, 11, 5, 3][i], 2)]));
  load = existsSync(path.join(root, 'www/index.html')) ? await pageLoad(browser, base, seed, n(7, 3)) : null;
} finally {
  await browser.close();
  server.close();
}

// ---- the report ----
const f = (x, d = 1) => (x === undefined || x === null ? 'n/a' : x.toFixed(d));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ok = (pass) => (pass ? 'yes' : '**no**');
const ratio = (rows) => rows[3].secs / rows[2].secs;
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
const cpu = (readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
const wasm10 = wscale[3];
const rows = [
  ['wasm throughput in Chromium (PolNeAR dev)', `${f(wasm.ours)} MB/s`, '>= 5 MB/s', ok(wasm.ours >= 5)],
  ['compromise in the same page and run', `${f(wasm.theirs, 3)} MB/s`, '', ''],
  ['ratio whosaid / compromise', `${f(wasm.ratio, 0)}x`, '>= 50x', ok(wasm.ratio >= 50)],
  [`native throughput, one thread (library, ${pgo ? 'profile-guided' : 'plain'} build)`, `${f(native.median)} MB/s`, '>= 20 MB/s', ok(native.median >= 20)],
  ['the same, plain `cargo build --release`', `${f(native.plain)} MB/s`, '', ''],
  [`native CLI --jsonl, all ${jsonl.cores} cores`, `${f(jsonl.allCores)} MB/s`, '', ''],
  ['native CLI --jsonl --threads 1', `${f(jsonl.oneThread)} MB/s`, '', ''],
  ['page download, gzip (everything fetched)', load ? kb(load.gzip) : 'page not built', '<= 1.5 MB', load ? ok(load.gzip <= 1.5e6) : ''],
  ['first result after navigation (seed article)', load ? `${f(load.firstResultMs, 0)} ms` : 'page not built', '<= 300 ms', load ? ok(load.firstResultMs <= 300) : ''],
  ['native: 10 MB time / 1 MB time', `${f(ratio(nscale))}x`, '<= 12x', ok(ratio(nscale) <= 12)],
  ['wasm: 10 MB time / 1 MB time', `${f(ratio(wscale))}x`, '<= 12x', ok(ratio(wscale) <= 12)],
  ['wasm memory for 10 MB', `${f(wasm10.peakMB, 0)} MB`, '<= 200 MB', ok(wasm10.peakMB <= 200)],
];
const scaleRows = SIZES.map((s, i) => {
  const a = nscale[i];
  const b = wscale[i];
  const label = s >= 1e6 ? `${s / 1e6} MB` : `${s / 1e3} KB`;
  return `| ${label} | ${f(a.secs * 1000, 1)} ms | ${f(a.bytes / 1e6 / a.secs)} MB/s | ${f(a.peakMB, 0)} MB | ${f(b.secs * 1000, 1)} ms | ${f(b.bytes / 1e6 / b.secs)} MB/s | ${f(b.peakMB, 0)} MB |`;
});
const stageTotal = stages.text + stages.entities + stages.coref + stages.quotes;
const stageRows = ['text', 'entities', 'coref', 'quotes'].map((k) => `| ${k} | ${f(stages[k] * 1000, 1)} ms | ${f((100 * stages[k]) / stageTotal, 0)}% |`);
const fileRows = load ? load.files.map((x) => `| ${x.url} | ${kb(x.raw)} | ${kb(x.gzip)} |`) : [];
const md = `# Benchmarks

Written by \`make bench\` (bench/run.mjs)${quick ? ' in --quick mode (fewer runs)' : ''} on ${new Date().toISOString().slice(0, 16)}Z, commit ${commit}.
Machine: ${cpu}, ${os.availableParallelism()} cores, shared with other work, so every
number is the median of several runs; the compromise ratio is measured in one page and run.
${pgo ? 'Native numbers are of the profile-guided build (bench/pgo.sh, `make native-pgo`: its profile comes from the PolNeAR train split) unless marked plain.' : 'The profile-guided build was not available here: every native number is of the plain build.'}
Input: the ${texts.length} PolNeAR dev articles (${f(utf8Bytes(texts) / 1e6, 2)} MB of UTF-8), read from the shared corpus at run time.
MB = 10^6 bytes of UTF-8 text.

## Against the targets

| measure | result | target | met |
| --- | --- | --- | --- |
${rows.map((r) => `| ${r.join(' | ')} |`).join('\n')}

compromise ${JSON.parse(readFileSync(path.join(root, 'bench/node_modules/compromise/package.json'), 'utf8')).version} with compromise-dates, asked for people, places, organisations, quotations and dates;
whosaid's \`analyze\` returns quotes with speakers and cues, and all entities, as JS objects.
The peer's scripts alone are ${kb(peerSize(root))} gzipped.

## Scaling (whole articles joined by blank lines)

| input | native time | native MB/s | native peak RSS | wasm time | wasm MB/s | wasm memory |
| --- | --- | --- | --- | --- | --- | --- |
${scaleRows.join('\n')}

Native peak RSS is the whole process's (VmHWM: the text, the result, the binary); wasm memory is
\`memory.buffer.byteLength\` after the runs (wasm memory never shrinks, sizes run in ascending order).

## Where native time goes (PolNeAR dev, one thread, best of ${n(5, 2)})

| stage | time | share |
| --- | --- | --- |
${stageRows.join('\n')}

## What the page downloads
${load ? `
First result: median ${f(load.firstResultMs, 0)} ms over ${load.allMs.length} fresh page loads (${load.allMs.join(', ')} ms), from navigation start
to the rendered result of the first seed article (wasm fetch and compile, model decode, analysis,
rendering), service worker blocked so every load is a first visit, localhost.${load.engineReadyMs !== null ? `
The engine (worker started, wasm fetched and compiled, model decoded, a first empty analysis) was
ready after a median ${f(load.engineReadyMs, 0)} ms; it may finish before or after the first result, as both run at once.` : ''}

| file | raw | gzip -9 |
| --- | --- | --- |
${fileRows.join('\n')}
| **total** | **${kb(load.raw)}** | **${kb(load.gzip)}** |
` : '\nwww/index.html is not built; run `make web`.\n'}`;
writeFileSync(path.join(root, 'bench/results.md'), md);
console.log(md);
