// The wasm module loads in node and returns exactly what the native library
// returns for the same text (offsets in UTF-16 units on both sides).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';
import { sharedCorpus } from './shared.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initSync, analyze, version } = await import(path.join(root, 'www/pkg/whosaid.js'));
initSync({ module: readFileSync(path.join(root, 'www/pkg/whosaid_bg.wasm')) });

const texts = [
  '“We will win,” Senator Jane Alvarez said on Tuesday. 🇺🇸 "It is done," she added.',
  'Café owners in 北京 said "prices rose 3.9 percent" last year, according to the survey.',
];
const shared = sharedCorpus('seeds.jsonl');
if (shared) {
  for (const line of readFileSync(shared, 'utf8').split('\n')) if (line.trim()) texts.push(JSON.parse(line).text);
} else {
  console.log('note: ../shared/corpus/seeds.jsonl not found; comparing on the built-in texts only');
}

const cli = path.join(root, 'target/release/whosaid');
let n = 0;
for (const text of texts) {
  const ours = analyze(text);
  const native = JSON.parse(execFileSync(cli, ['analyze', '--offsets', 'utf16', '-'], { input: text }));
  assert.deepEqual(ours, native, 'wasm and native results differ');
  for (const q of ours.quotes) {
    for (const p of q.parts) assert.equal(text.slice(p.start, p.end), p.text);
    assert.equal(q.parts.map((p) => p.text).join(' … '), q.text);
  }
  n++;
}
assert.throws(() => analyze(42), /text must be a string/);
assert.deepEqual(analyze('x', { offsets: 'codepoint' }).quotes, []);
console.log(`wasm_node: ${n} texts identical to native (engine ${version()})`);
