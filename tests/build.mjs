// What pkg-config/build.mjs makes (run after `make package`): the worker and
// the page's script are one file each with no relative static import left
// (the page's lazy imports kept), the service worker lists every file the
// page serves and names its cache by their hash, and the npm package holds
// exactly the listed files. Run: node tests/build.mjs
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
let passed = 0;
const test = (name, fn) => {
  fn();
  passed++;
  console.log(`ok - ${name}`);
};
const read = (f) => readFileSync(join(root, f), 'utf8');
const staticImport = /^\s*(import\s[^(]*?from\s*|import\s*)["']\.{1,2}\//m;

test('the shipped worker and the page script are one file each', () => {
  for (const f of ['www/pkg/worker.js', 'pkg/worker.js', 'www/app.bundle.js']) {
    const code = read(f);
    assert.doesNotMatch(code, staticImport, `${f} has a relative import left`);
    assert.match(code, /inlined by esbuild/, f);
  }
  assert.equal(read('pkg/worker.js'), read('www/pkg/worker.js'));
  // The engine and its piece-by-piece analysis are inside the worker.
  assert.match(read('www/pkg/worker.js'), /analyzeInPieces/);
  // The HTML reader stays a separate file, loaded when HTML comes in.
  assert.match(read('www/app.bundle.js'), /import\("\.\/extract\.js"\)/);
  assert.doesNotMatch(read('www/app.bundle.js'), /function articleFromHtml/);
});

test('the service worker keeps every file the page serves, its cache named by their hash', () => {
  const sw = read('www/sw.js');
  const files = JSON.parse(/^const FILES = (.*);$/m.exec(sw)?.[1] ?? 'null');
  const cache = JSON.parse(/^const CACHE = (.*);$/m.exec(sw)?.[1] ?? 'null');
  const www = join(root, 'www');
  const served = readdirSync(www, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(www, join(d.parentPath ?? d.path, d.name)))
    .filter((f) => !/^(sw(\.template)?\.js|screenshot.*\.png|pkg\/node\.js)$/.test(f))
    .sort();
  assert.deepEqual(files, ['./', ...served]);
  for (const f of ['index.html', 'app.bundle.js', 'boot.js', 'pkg/worker.js', 'pkg/whosaid_bg.wasm', 'pkg/readability.js', 'embed.html']) {
    assert.ok(files.includes(f), f);
  }
  const hash = createHash('sha256');
  for (const f of served) hash.update(`${f}\0`).update(readFileSync(join(www, f))).update('\0');
  assert.equal(cache, `whosaid-${hash.digest('hex').slice(0, 16)}`, 'the cache name is the files\' hash');
});

test('the npm package ships exactly its listed files', () => {
  const manifest = JSON.parse(read('pkg/package.json'));
  const shipped = readdirSync(join(root, 'pkg')).filter((f) => f !== 'package.json').sort();
  assert.deepEqual([...manifest.files].sort(), shipped);
  assert.ok(!manifest.files.some((f) => f.includes('*')), 'no wildcard');
  for (const f of ['index.js', 'node.js', 'worker.js', 'element.js', 'index.d.ts', 'whosaid_bg.wasm']) assert.ok(shipped.includes(f), f);
});

console.log(`build: ${passed} tests passed`);
