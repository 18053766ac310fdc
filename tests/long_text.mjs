// A long text gives the same result from every entry point: the CLI, the
// package's `analyze()` (engine.js) and the package's worker (worker.js, as
// shipped: bundled), which steps through the engine's pieces to report
// progress. The text is about 1 MB of made-up sentences, generated here, so
// it is cut into pieces (over 768 KB) and the same people recur in several.
// Also: a cancel between pieces ends the request with no result.
// Run after `make web` and `cargo build --release`: node tests/long_text.mjs
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasmBytes = readFileSync(path.join(root, 'www/pkg/whosaid_bg.wasm'));

/** About `bytes` of made-up news: paragraphs of quotes, names, places, numbers. */
function madeUpText(bytes) {
  const people = [['Ada', 'Brook', 'Mayor'], ['Luis', 'Ortega', 'Senator'], ['Mei', 'Tanaka', 'Judge'], ['Omar', 'Haddad', 'Coach'], ['Zoé', 'Lefèvre', 'Minister']];
  const places = ['Northfield', 'Port Avery', 'Lake Morrow', 'Kelso'];
  const orgs = ['Northfield Transit Authority', 'Acme Steel Corp', 'the Avery Tribune'];
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const [first, last, title] = people[Math.floor(i / 5) % people.length];
    const place = places[(i * 7) % places.length];
    const org = orgs[(i * 3) % orgs.length];
    const n = (i * 37) % 100;
    const forms = [
      `“We will reopen the bridge in ${place} by March ${1 + (i % 28)},” ${title} ${first} ${last} said on Monday. “It has taken ${n} days.”`,
      `${last} told reporters that ${org} had spent $${n}.${i % 10} million on the line, about ${n} percent more than planned.`,
      `“Nobody in ${place} believes it,” said a spokesman for ${org}. He added that the work would end at 9 a.m. on Friday.`,
      `According to ${first} ${last}, the council “cannot wait any longer” 😀 for the Avery Cup.`,
      `The ${place} council met for ${n} minutes. Residents said the noise was worse than last year, and ${last} agreed.`,
    ];
    const p = forms[i % forms.length];
    paragraphs.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return paragraphs.join('\n\n');
}

const text = madeUpText(1 << 20);
assert.ok(text.length > 1_000_000);

// 1. The CLI.
const cli = path.join(root, 'target/release/whosaid');
const native = (offsets) => JSON.parse(execFileSync(cli, ['analyze', '--offsets', offsets, '-'], { input: text, maxBuffer: 1 << 28 }));

// 2. The package's analyze().
const engine = await import(pathToFileURL(path.join(root, 'www/pkg/engine.js')).href);
await engine.init(wasmBytes);

// 3. The package's worker, as shipped, with a stand-in for the worker's `self`.
const listeners = [];
const sent = [];
let onMessage = () => {};
globalThis.self = {
  addEventListener: (type, f) => type === 'message' && listeners.push(f),
  postMessage: (msg) => { sent.push(msg); onMessage(msg); },
};
await import(pathToFileURL(path.join(root, 'www/pkg/worker.js')).href + '?wasm=posted');
const post = (data) => listeners.forEach((f) => f({ data }));
post({ type: 'wasm', module: await WebAssembly.compile(wasmBytes) });
let nextId = 1;
function viaWorker(options, cancelAfter = Infinity) {
  const id = nextId++;
  const progress = [];
  return new Promise((resolve, reject) => {
    onMessage = (msg) => {
      if (msg.id === -id) resolve({ result: null, progress });
      if (msg.id !== id) return;
      if (msg.type === 'progress') {
        progress.push(msg);
        // The version request waits for this one to end: its answer says it has.
        if (progress.length === cancelAfter) post({ type: 'cancel', id }), post({ type: 'version', id: -id });
      } else if (msg.type === 'result') resolve({ result: msg.result, progress });
      else reject(new Error(msg.message));
    };
    post({ type: 'analyze', id, text, options });
  });
}

for (const offsets of ['utf16', 'codepoint']) {
  const fromCli = native(offsets);
  const fromAnalyze = engine.analyze(text, { offsets });
  const { result: fromWorker, progress } = await viaWorker({ offsets });
  assert.ok(fromCli.quotes.length > 5000 && fromCli.entities.length > 10, 'a rich result');
  assert.deepEqual(fromAnalyze, fromCli, `analyze() and the CLI differ (${offsets})`);
  assert.deepEqual(fromWorker, fromCli, `the worker and the CLI differ (${offsets})`);
  const total = offsets === 'utf16' ? text.length : [...text].length;
  assert.ok(progress.length >= 2, `progress after each piece: ${progress.length}`);
  assert.deepEqual(progress.at(-1), { type: 'progress', id: nextId - 1, done: total, total });
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i].done > progress[i - 1].done);
  // The pieces' entities are merged: each person is one entity.
  assert.equal(fromCli.entities.filter((e) => e.type === 'PERSON' && e.name === 'Luis Ortega').length, 1);
  const slice = offsets === 'utf16' ? (s) => text.slice(s.start, s.end) : (() => { const cps = [...text]; return (s) => cps.slice(s.start, s.end).join(''); })();
  for (const q of fromCli.quotes) {
    for (const p of q.parts) assert.equal(slice(p), p.text);
    if (q.speaker?.entity != null) assert.ok(fromCli.entities[q.speaker.entity], 'speaker entity in range');
  }
}

// A cancel between pieces: no result, no error, and the worker answers the next request.
const cancelled = await viaWorker({}, 1);
assert.equal(cancelled.result, null, 'a cancelled request sends no result');
assert.equal(cancelled.progress.length, 1);
assert.equal(sent.filter((m) => m.type === 'error').length, 0);
const after = await viaWorker({});
assert.deepEqual(after.result, native('utf16'));

console.log(`long_text: ${(Buffer.byteLength(text) / 1e6).toFixed(2)} MB: CLI, analyze() and the worker agree (utf16, codepoint); cancel between pieces`);
