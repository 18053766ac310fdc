// The JS API on hostile input: lone surrogates, non-string arguments, bad or
// missing options. Each bad call throws a clear `Error` (never a wasm trap,
// `WebAssembly.RuntimeError`), and the module keeps working afterwards.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { initSync, analyze } = await import(path.join(root, 'www/pkg/whosaid.js'));
initSync({ module: readFileSync(path.join(root, 'www/pkg/whosaid_bg.wasm')) });

const GOOD = '"We will win," Ana Ruiz said. 😀 "It is done," she added.';
const reference = JSON.stringify(analyze(GOOD));
let checks = 0;

/** Every span of `a` indexes `text` (with lone surrogates read as U+FFFD). */
function checkSpans(text, a, what) {
  const t = text.toWellFormed();
  const span = (s, label) => {
    assert.ok(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start <= s.end && s.end <= t.length, `${what}: ${label} out of bounds`);
    assert.equal(t.slice(s.start, s.end), s.text, `${what}: ${label} text is not its slice`);
  };
  for (const q of a.quotes) {
    span(q, 'quote');
    if (q.cue) span(q.cue, 'cue');
    if (q.speaker) span(q.speaker, 'speaker');
  }
  for (const e of a.entities) for (const m of e.mentions) span(m, 'mention');
  checks++;
}

/** `f` throws a plain Error whose message says what was wrong, and the
 * module still gives the reference result afterwards. */
function rejects(f, pattern, what) {
  let err;
  try {
    f();
  } catch (e) {
    err = e;
  }
  assert.ok(err !== undefined, `${what}: did not throw`);
  assert.ok(err instanceof Error, `${what}: threw a non-Error ${String(err)}`);
  assert.ok(!(err instanceof WebAssembly.RuntimeError), `${what}: wasm trap ${err.message}`);
  assert.match(err.message, pattern, `${what}: unclear message`);
  assert.equal(JSON.stringify(analyze(GOOD)), reference, `${what}: module broken after the error`);
  checks++;
}

// Lone surrogates: read as U+FFFD, one unit for one, so offsets still index
// the caller's string.
for (const text of [
  '\uD800"We will win," Ana Ruiz said.',
  '"We \uDC00 will," she said.\uD83D',
  '\uDFFF\uD800'.repeat(1000) + GOOD,
  '"' + '\uD800'.repeat(5000) + '," he said.',
]) {
  const a = analyze(text);
  checkSpans(text, a, JSON.stringify(text.slice(0, 20)));
  assert.equal(JSON.stringify(analyze(GOOD)), reference);
}
const loneQuote = analyze('"a\uD800b," she said.').quotes[0];
assert.equal(loneQuote.text, 'a\uFFFDb,', 'a lone surrogate inside a quote is U+FFFD');

// Non-string texts.
for (const [value, label] of [
  [42, 'a number'], [null, 'null'], [undefined, 'undefined'], [{}, 'an object'], [['a'], 'an array'],
  [new String('He said'), 'a String object'], [Symbol('x'), 'a symbol'], [10n, 'a bigint'], [() => 'x', 'a function'],
]) {
  rejects(() => analyze(value), /whosaid\.analyze: the text must be a string/, `text ${label}`);
}
rejects(() => analyze(), /the text must be a string/, 'no arguments');

// Options: missing, empty or null means the defaults (UTF-16 offsets).
for (const options of [undefined, null, {}, { offsets: undefined }, { other: 1 }]) {
  assert.equal(JSON.stringify(analyze(GOOD, options)), reference, `options ${JSON.stringify(options)}`);
}
for (const [options, pattern] of [
  [42, /options must be an object/], ['utf16', /options must be an object/], [true, /options must be an object/],
  [{ offsets: 'bytes16' }, /unknown offset unit 'bytes16'/], [{ offsets: 8 }, /options\.offsets must be a string/],
  [{ offsets: null }, /options\.offsets must be a string/], [{ offsets: {} }, /options\.offsets must be a string/],
  [{ continuations: 'split' }, /unknown continuations 'split'/], [{ continuations: 2 }, /options\.continuations must be a string/],
]) {
  rejects(() => analyze(GOOD, options), pattern, `options ${String(options?.offsets ?? options)}`);
}
// continuations: "separate" makes two quotes of `"A," X said. "B."`.
{
  const text = '"We will reopen the bridge," Ada Brook said on Tuesday. "Then the trams run again."';
  assert.equal(analyze(text).quotes.length, 1, 'join by default');
  assert.equal(analyze(text, { continuations: 'join' }).quotes.length, 1);
  const two = analyze(text, { continuations: 'separate' }).quotes;
  assert.deepEqual(two.map((q) => q.speaker?.name), ['Ada Brook', 'Ada Brook']);
}
// A getter that throws, and a Proxy: the error is the caller's, not a trap.
const throwing = { get offsets() { throw new Error('getter says no'); } };
try {
  analyze(GOOD, throwing);
} catch (e) {
  assert.ok(!(e instanceof WebAssembly.RuntimeError), 'a throwing getter caused a wasm trap');
}
assert.equal(JSON.stringify(analyze(GOOD)), reference, 'module broken after a throwing getter');
assert.equal(JSON.stringify(analyze(GOOD, new Proxy({}, {}))), reference);

// Other units still describe the same spans.
for (const unit of ['codepoint', 'utf8', 'utf16']) {
  const a = analyze(GOOD, { offsets: unit });
  assert.equal(a.quotes.length, JSON.parse(reference).quotes.length, unit);
}

// Many errors in a row, then big and hostile inputs: memory is not leaked
// into a trap, and the module still answers.
for (let i = 0; i < 2000; i++) {
  try { analyze(i); } catch { /* expected */ }
}
for (const text of ['"'.repeat(100_000), '\0'.repeat(100_000), 'Ana Ruiz '.repeat(100_000), 'x'.repeat(2_000_000)]) {
  checkSpans(text, analyze(text), `${text.length} chars of ${JSON.stringify(text.slice(0, 9))}`);
}
assert.equal(JSON.stringify(analyze(GOOD)), reference, 'module broken after big inputs');

console.log(`wasm_robust: ${checks} checks passed`);
