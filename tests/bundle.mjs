// pkg-config/bundle.mjs: every supported import and export form comes out
// working in one file, each module once and in dependency order; unsupported
// forms and cycles are refused with the file and line; the shipped worker has
// no relative import left. Run: node tests/bundle.mjs
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundle } from '../pkg-config/bundle.mjs';

const root = resolve(new URL('..', import.meta.url).pathname);
let passed = 0;
const test = async (name, fn) => {
  await fn();
  passed++;
  console.log(`ok - ${name}`);
};

const folder = (files) => {
  const dir = mkdtempSync(join(tmpdir(), 'whosaid-bundle-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
};

await test('every supported form works in the bundle, each module evaluated once', async () => {
  const dir = folder({
    'base.js': [
      'globalThis.baseRuns = (globalThis.baseRuns ?? 0) + 1;',
      'export const two = 2;',
      'function initImpl() { return "init"; }',
      'export function twice(x) { return x * two; }',
      'export async function later() { return 7; }',
      'export class Box { constructor(v) { this.v = v; } }',
      'export { initImpl as default, twice as double };',
    ].join('\n'),
    'mid.js': [
      "import start, { twice as t, Box } from './base.js';",
      "export const label = `${start()}:${t(3)}:${new Box(4).v}`;",
    ].join('\n'),
    'entry.js': [
      "import { label } from './mid.js';",
      "import { double, later } from './base.js';",
      "import './base.js';",
      'export const result = `${label}|${double(5)}`;',
      'export const pending = later();',
    ].join('\n'),
  });
  try {
    const code = bundle(dir, 'entry.js');
    assert.equal(code.match(/^const __bundled_base_js/gm)?.length, 1);
    assert.ok(code.indexOf('__bundled_base_js = ') < code.indexOf('__bundled_mid_js = '), 'dependencies first');
    assert.doesNotMatch(code, /^\s*import\s/m);
    const out = join(dir, 'out.mjs');
    writeFileSync(out, code);
    const m = await import(pathToFileURL(out).href);
    assert.equal(m.result, 'init:6:4|10');
    assert.equal(await m.pending, 7);
    assert.equal(globalThis.baseRuns, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

await test('unsupported forms and cycles are refused, naming the place', () => {
  const cases = [
    [{ 'e.js': "import * as all from './a.js';", 'a.js': '' }, /unsupported import at e\.js:1/],
    [{ 'e.js': "import { x } from './a.js';", 'a.js': 'const x = 1;\nexport default x;' }, /unsupported export at a\.js:2/],
    [{ 'e.js': "import { x } from 'some-package';" }, /unsupported import at e\.js:1/],
    [{ 'e.js': "import './a.js';", 'a.js': "import './b.js';", 'b.js': "import './a.js';" }, /import cycle/],
  ];
  for (const [files, error] of cases) {
    const dir = folder(files);
    try {
      assert.throws(() => bundle(dir, 'e.js'), error);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

await test('the shipped worker is one file: no relative import left', () => {
  const code = readFileSync(join(root, 'www/pkg/worker.js'), 'utf8');
  assert.doesNotMatch(code, /^\s*import\s[^(]*'\.\//m);
  for (const part of ['whosaid.js', 'engine.js', 'worker.js']) assert.match(code, new RegExp(`^// ---- ${part.replace('.', '\\.')}$`, 'm'));
});

console.log(`bundle: ${passed} tests passed`);
