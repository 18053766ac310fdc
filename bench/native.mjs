// The native measurements: bench/native.rs (the library called directly) for
// single-thread throughput, stage times and scaling, and the CLI's --jsonl
// batch mode on all cores.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, utf8Bytes } from './corpus.mjs';

/**
 * Builds the bench binary with the release profile (sharing the CLI's build)
 * and returns its path. With `pgo`, bench/pgo.sh builds it (and the CLI)
 * with profile-guided optimisation into target/pgo/use, and this asks cargo
 * for that build's path with the same flags (so nothing is rebuilt).
 */
export function buildNative(root, { pgo = false } = {}) {
  let env = process.env;
  if (pgo) {
    execFileSync(path.join(root, 'bench/pgo.sh'), { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    env = { ...process.env, RUSTFLAGS: `-Cprofile-use=${root}/target/pgo/merged.profdata`, CARGO_TARGET_DIR: `${root}/target/pgo/use` };
  }
  const out = execFileSync('cargo', ['build', '--release', '--features', 'internals', '--bench', 'native', '--message-format=json'], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const exe = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l)).find((m) => m.reason === 'compiler-artifact' && m.target?.name === 'native' && m.executable)?.executable;
  if (!exe) throw new Error('cargo did not report the native bench executable');
  return exe;
}

const run = (exe, args) => JSON.parse(execFileSync(exe, args, { encoding: 'utf8', maxBuffer: 1 << 26 }));

export function nativeThroughput(exe, corpus, runs) {
  const r = run(exe, ['throughput', corpus, String(runs)]);
  return { ...r, median: median(r.mbps) };
}

export function nativeStages(exe, corpus, runs) {
  return run(exe, ['stages', corpus, String(runs)]);
}

/** One process per size, so each peak memory is that size's own. */
export function nativeScale(exe, corpus, sizes) {
  return sizes.map(([size, runs]) => {
    const r = run(exe, ['scale', corpus, String(size), String(runs)]);
    return { bytes: r.bytes, secs: median(r.secs), peakMB: r.peak_rss_kb / 1024 };
  });
}

/** The CLI `cli`'s --jsonl mode over `copies` copies of the corpus, all cores and one thread. */
export function cliJsonl(cli, texts, copies, runs) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whosaid-bench-'));
  try {
    const file = path.join(dir, 'in.jsonl');
    const lines = [];
    for (let c = 0; c < copies; c++) texts.forEach((text, i) => lines.push(JSON.stringify({ id: `${c}/${i}`, text })));
    writeFileSync(file, lines.join('\n') + '\n');
    const bytes = copies * utf8Bytes(texts);
    const time = (threads) => {
      const secs = [];
      for (let r = 0; r < runs; r++) {
        const t0 = process.hrtime.bigint();
        const p = spawnSync('sh', ['-c', `"${cli}" analyze --jsonl --threads ${threads} < "${file}" > /dev/null`]);
        if (p.status !== 0) throw new Error(`whosaid --jsonl exited ${p.status}: ${p.stderr}`);
        secs.push(Number(process.hrtime.bigint() - t0) / 1e9);
      }
      return bytes / 1e6 / median(secs);
    };
    const cores = os.availableParallelism();
    return { bytes, cores, allCores: time(cores), oneThread: time(1) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
