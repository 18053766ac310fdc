// The in-browser measurements, in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core): wasm throughput beside
// compromise in one page (bench/page.html), wasm scaling and memory, and
// the real page (www/index.html): everything it downloads, gzipped, and the
// time from navigation to the first rendered result for a seed article.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { concatenated, median, utf8Bytes } from './corpus.mjs';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.txt': 'text/plain' };
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A static server for `root` on 127.0.0.1 (an ephemeral port), without compression or caching. */
export async function serve(root) {
  const server = createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) return res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
    if (!existsSync(file)) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${server.address().port}` };
}

// BENCH_CHROMIUM_ARGS (diagnostics only): extra Chromium flags, space-separated.
const EXTRA = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
export const launch = () => chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...ARGS, ...EXTRA] });

async function benchPage(browser, base) {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.error('bench page:', e.message));
  await page.goto(`${base}/bench/page.html`);
  await page.waitForFunction(() => window.bench?.ready, null, { timeout: 60_000 });
  return page;
}

/** whosaid and compromise over the same articles in one page: median MB/s each and the ratio. */
export async function wasmThroughput(browser, base, texts, oursRuns, theirsRuns) {
  const page = await benchPage(browser, base);
  const r = await page.evaluate(([t, a, b]) => window.bench.throughput(t, a, b), [texts, oursRuns, theirsRuns]);
  await page.close();
  const mb = utf8Bytes(texts) / 1e6;
  const ours = mb / median(r.ours);
  const theirs = mb / median(r.theirs);
  return { ours, theirs, ratio: ours / theirs, runs: [oursRuns, theirsRuns] };
}

/** Sizes in ascending order in one fresh page: wasm memory only grows, so each reading is that size's peak. */
export async function wasmScale(browser, base, texts, sizes) {
  const page = await benchPage(browser, base);
  const out = [];
  for (const [size, runs] of sizes) {
    const text = concatenated(texts, size);
    const r = await page.evaluate(([t, n]) => window.bench.scale(t, n), [text, runs]);
    out.push({ bytes: Buffer.byteLength(text), secs: r.median, peakMB: r.memory / 2 ** 20 });
  }
  await page.close();
  return out;
}

/**
 * Opens the real page in a fresh context with `article` already in its text
 * box (the page analyses a prefilled box at once), and waits for the result
 * to be rendered (body[data-state=done]). Returns the milliseconds from
 * navigation start and every response's size, raw and gzipped.
 */
export async function firstResultOnce(browser, base, article) {
  // BENCH_SW=allow (diagnostics only, not in `make bench`): let the page
  // register and install its service worker, as a real first visit does.
  const context = await browser.newContext({ serviceWorkers: process.env.BENCH_SW === 'allow' ? 'allow' : 'block' });
  const page = await context.newPage();
  // BENCH_SETTLE_MS (diagnostics only, not in `make bench`): wait this long
  // before navigating, so the new window's own start-up in the browser (in
  // headless Chromium a WebUI renderer that keeps a core busy for ~400 ms)
  // is over before navigation starts.
  if (process.env.BENCH_SETTLE_MS) await new Promise((ok) => setTimeout(ok, Number(process.env.BENCH_SETTLE_MS)));
  // NOTE: the bodies are read and gzipped only after the load: gzipping the
  // wasm in this process (which also serves the files) while the page loads
  // held every response the page was still waiting for.
  const responses = [];
  page.on('response', (r) => responses.push(r));
  await page.addInitScript((text) => {
    new MutationObserver((_, obs) => {
      const input = document.getElementById('input');
      if (input && !input.dataset.benchFilled) {
        input.value = text;
        input.dataset.benchFilled = '1';
      }
      if (document.body?.dataset.engine === 'ready') window.benchEngineReady ??= performance.now();
      if (document.body?.dataset.state === 'done') {
        window.benchFirstResult ??= performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state', 'data-engine'] });
  }, article);
  await page.goto(`${base}/www/index.html`);
  await page.waitForFunction(() => window.benchFirstResult !== undefined, null, { timeout: 60_000 });
  const ms = await page.evaluate(() => window.benchFirstResult);
  const engineMs = await page.evaluate(() => window.benchEngineReady ?? null);
  const shown = await page.evaluate(() => window.whosaid?.text?.length ?? 0);
  if (shown !== article.length) throw new Error(`the page showed ${shown} characters, not the ${article.length} of the article`);
  const bodies = await Promise.all(responses.map((r) => r.body().then((b) => ({ url: r.url().replace(base, ''), raw: b.length, b }), () => null)));
  const files = bodies.filter(Boolean).map(({ url, raw, b }) => ({ url, raw, gzip: gzipSync(b, { level: 9 }).length }));
  await context.close();
  return { ms, engineMs, files };
}

export async function pageLoad(browser, base, article, runs) {
  const results = [];
  for (let i = 0; i < runs; i++) results.push(await firstResultOnce(browser, base, article));
  const files = results[0].files;
  return {
    firstResultMs: median(results.map((r) => r.ms)),
    engineReadyMs: results.every((r) => r.engineMs !== null) ? median(results.map((r) => r.engineMs)) : null,
    allMs: results.map((r) => Math.round(r.ms)),
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

/** Gzipped size of the peer's scripts (what a page using compromise would download). */
export function peerSize(root) {
  const files = ['compromise/builds/three/compromise-three.mjs', 'compromise-dates/builds/compromise-dates.mjs'];
  return files.reduce((n, f) => n + gzipSync(readFileSync(path.join(root, 'bench/node_modules', f)), { level: 9 }).length, 0);
}
