// The npm package as a user gets it: the tarball from `make package`
// installed into an empty folder, imported in Node.js to analyse a seed
// article, its types checked with tsc on a small usage file, and bundled by
// Vite into a page that runs in headless Chromium.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, repo, seeds, serve, watch } from './harness.mjs';

describe('npm package', () => {
  let dir;
  before(() => {
    const tarball = readFileSync(join(repo, 'target/npm/latest'), 'utf8').trim();
    dir = mkdtempSync(join(tmpdir(), 'whosaid-pkg-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'try-whosaid', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', tarball], { cwd: dir, stdio: 'inherit' });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('installs with the exports map, types and sideEffects: false', () => {
    const manifest = JSON.parse(readFileSync(join(dir, 'node_modules/whosaid/package.json'), 'utf8'));
    assert.equal(manifest.type, 'module');
    assert.equal(manifest.sideEffects, false);
    assert.equal(manifest.exports['.'].types, './index.d.ts');
    assert.equal(manifest.exports['./element'].default, './element.js');
    assert.deepEqual(manifest.dependencies ?? {}, {});
  });

  test('imports in Node.js and analyses a seed article', () => {
    const seed = seeds()[0];
    const script = `
      import { analyze, version, init } from 'whosaid';
      import { readFileSync } from 'node:fs';
      await init();
      const text = readFileSync(0, 'utf8');
      const r = analyze(text);
      const bad = r.quotes.flatMap((q) => q.parts).filter((p) => text.slice(p.start, p.end) !== p.text).length
        + r.quotes.filter((q) => q.parts.map((p) => p.text).join(' … ') !== q.text).length
        + r.entities.flatMap((e) => e.mentions).filter((m) => text.slice(m.start, m.end) !== m.text).length;
      let error = null;
      try { analyze(42); } catch (e) { error = { isError: e instanceof Error, message: e.message }; }
      console.log(JSON.stringify({ version: version(), quotes: r.quotes.length, entities: r.entities.length, bad, error }));`;
    const out = JSON.parse(execFileSync('node', ['--input-type=module', '-e', script], { cwd: dir, input: seed.text, encoding: 'utf8' }));
    console.log(`# package in node: ${out.quotes} quotes, ${out.entities} entities for ${seed.id} (gold: ${seed.quotes.length} quotes), engine ${out.version}`);
    assert.match(out.version, /^\d+\.\d+\.\d+/);
    assert.ok(out.quotes > 0, 'the seed article has quotes');
    assert.equal(out.bad, 0, 'every span slices to its text');
    assert.deepEqual(out.error, { isError: true, message: 'whosaid.analyze: the text must be a string, not number' });
  });

  test('its types check with tsc --noEmit on a usage file', () => {
    copyFileSync(join(repo, 'tests/browser/usage.ts'), join(dir, 'usage.ts'));
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', lib: ['es2022', 'dom'], types: [], skipLibCheck: false },
      files: ['usage.ts'],
    }));
    const tsc = join(repo, 'tests/node_modules/typescript/bin/tsc');
    try {
      execFileSync('node', [tsc, '-p', dir], { encoding: 'utf8' });
    } catch (e) {
      assert.fail(`tsc reported:\n${e.stdout}${e.stderr}`);
    }
  });

  test('bundles with Vite: the wasm, the worker and the element work from the build', async () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./main.js"></script>' +
      '<who-said id="el">“The roof held,” Rosa Diaz said.</who-said>');
    writeFileSync(join(dir, 'main.js'), `
      import { init, analyze, createAnalyzer } from 'whosaid';
      import { defineWhoSaid } from 'whosaid/element';
      const text = '“We will win,” said coach Dana Ortiz on Sunday.';
      const event = new Promise((ok) => document.addEventListener('whosaid:analyzed', (e) => ok(e.detail.result.quotes.length)));
      defineWhoSaid();
      (async () => {
        await init();
        const here = analyze(text);
        const analyzer = createAnalyzer();
        const there = await analyzer.analyze(text);
        window.__done = { quotes: here.quotes.length, same: JSON.stringify(here) === JSON.stringify(there), element: await event };
      })().catch((e) => { window.__done = { error: String(e) }; });`);
    writeFileSync(join(dir, 'vite.config.js'), 'export default { logLevel: "warn" };\n');
    execFileSync('node', [join(repo, 'tests/node_modules/vite/bin/vite.js'), 'build'], { cwd: dir, stdio: 'inherit' });
    const server = await serve(join(dir, 'dist'));
    const browser = await launch();
    try {
      const context = await browser.newContext();
      const seen = watch(context);
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      const done = await (await page.waitForFunction(() => window.__done, null, { timeout: 20_000 })).jsonValue();
      assert.deepEqual(done, { quotes: done.quotes, same: true, element: done.element });
      assert.ok(done.quotes >= 1 && done.element >= 1, JSON.stringify(done));
      assert.ok(seen.requests.some((u) => u.endsWith('.wasm')), 'the wasm was emitted and loaded');
      assert.deepEqual(seen.requests.filter((u) => !u.startsWith(`${server.origin}/`) && !u.startsWith('data:')), []);
      assert.deepEqual(seen.errors, []);
    } finally {
      await browser.close();
      server.stop();
    }
  });
});
