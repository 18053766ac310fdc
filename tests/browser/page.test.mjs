// The page (www/index.html) in headless Chromium: each seed article pasted
// and the speakers and quote counts shown checked against the engine's own
// result (and reported next to the gold counts), the speaker filter, export,
// XSS strings, a 1 MB paste, and that no request leaves 127.0.0.1. Saves
// www/screenshot.png of the sample article analysed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, repo, seeds, serve, watch } from './harness.mjs';
import { parseCsv, paste, shownCounts, engineCounts } from './page-helpers.mjs';

describe('the page', () => {
  let server, browser, context, page, seen;

  before(async () => {
    server = await serve(join(repo, 'www'));
    browser = await launch();
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 1500 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    seen = watch(context);
    page = await context.newPage();
    page.on('dialog', (d) => {
      seen.errors.push(`dialog opened: ${d.message()}`);
      d.dismiss();
    });
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('body[data-engine="ready"]');
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });

  test('sets a strict CSP and says the text never leaves the browser', async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.equal(csp, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'");
    assert.match(await page.textContent('#privacy'), /never leaves this browser/);
  });

  for (const seed of seeds()) {
    test(`${seed.id}: speakers and quote counts shown match the engine`, async () => {
      await paste(page, { text: seed.text });
      const shown = await shownCounts(page);
      const engine = await engineCounts(page, seed.text);
      const gold = new Map();
      for (const q of seed.quotes) gold.set(q.speaker_name ?? '', (gold.get(q.speaker_name ?? '') ?? 0) + 1);
      const goldNamed = [...gold.keys()].filter(Boolean);
      const found = goldNamed.filter((name) => engine.speakers.some(([s]) => s.split(/\s+/).includes(name.split(/\s+/).pop())));
      console.log(`# ${seed.id}: page shows ${shown.quotes} quotes, ${shown.speakers.filter(([k]) => k).length} speakers; ` +
        `engine ${engine.quotes} quotes, ${engine.speakers.filter(([k]) => k).length} speakers; ` +
        `gold ${seed.quotes.length} quotes, ${goldNamed.length} speakers (${goldNamed.join(', ')}), ${found.length} of them found`);
      assert.equal(shown.quotes, engine.quotes, 'quotes highlighted in the article');
      assert.equal(shown.listed, engine.quotes, 'quotes in the quote list');
      assert.equal(shown.total, engine.quotes, 'quote count shown');
      assert.deepEqual(shown.speakers, engine.speakers, 'speaker rows and their counts, in order');
      assert.equal(shown.entities, engine.entities, 'entities listed');
      assert.deepEqual(shown.entityIndices, engine.entityIndicesWithMentions, 'every entity with a mention is marked in the article');
    });
  }

  test('the sample article analyses and is saved as www/screenshot.png', async () => {
    await page.evaluate(() => { document.body.dataset.state = ''; });
    await page.click('#sample');
    await page.waitForSelector('body[data-state="done"]');
    const shown = await shownCounts(page);
    const text = await page.inputValue('#input');
    const engine = await engineCounts(page, text);
    assert.equal(shown.quotes, engine.quotes);
    assert.ok(shown.quotes >= 5, `the sample has quotes (found ${shown.quotes})`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(repo, 'www/screenshot.png') });
  });

  test('hovering a quote names its speaker and cue', async () => {
    const mark = page.locator('#article mark[data-quote]').first();
    await mark.hover();
    const tip = page.locator('#tooltip');
    await tip.waitFor({ state: 'visible' });
    const index = Number(await mark.getAttribute('data-quote'));
    const q = await page.evaluate((i) => window.whosaid.result.quotes[i], index);
    const expected = q.speaker ? q.speaker.name : 'No speaker found';
    assert.ok((await tip.textContent()).startsWith(expected));
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    // Keyboard: a quote takes focus and shows the same.
    await page.focus('#article mark[data-first][tabindex="0"]');
    await tip.waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
  });

  test('clicking a speaker filters the article and the quote list', async () => {
    const row = page.locator('#speakers [data-speaker]').first();
    const key = await row.getAttribute('data-speaker');
    const count = Number(await row.locator('.n').textContent());
    await row.click();
    assert.equal(await row.getAttribute('aria-pressed'), 'true');
    const state = await page.evaluate((k) => ({
      visible: [...document.querySelectorAll('#quotes li:not([hidden]) [data-quote-item]')].map((b) => b.dataset.speaker),
      bright: new Set([...document.querySelectorAll('#article mark[data-quote]:not(.dim)')].map((m) => m.dataset.quote)).size,
      brightOthers: [...document.querySelectorAll('#article mark[data-quote]:not(.dim)')]
        .filter((m) => {
          const { quotes, entities } = window.whosaid.result;
          const q = quotes[Number(m.dataset.quote)];
          const entity = q.speaker?.entity != null ? entities[q.speaker.entity] : null;
          return (q.speaker ? entity?.name ?? (q.speaker.name || q.speaker.text) : '') !== k;
        }).length,
    }), key);
    assert.equal(state.visible.length, count);
    assert.ok(state.visible.every((k) => k === key));
    assert.equal(state.bright, count);
    assert.equal(state.brightOthers, 0);
    await row.click();
    const all = await page.locator('#quotes li:not([hidden]) [data-quote-item]').count();
    assert.equal(all, await page.evaluate(() => Math.min(300, window.whosaid.result.quotes.length)));
  });

  test('clicking a quote in the list scrolls to it; clicking an entity highlights its mentions', async () => {
    const item = page.locator('#quotes [data-quote-item]').last();
    const index = await item.getAttribute('data-quote-item');
    await item.click();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.quote), index);
    const entity = page.locator('#entities [data-entity-row]').first();
    if (await entity.count()) {
      await entity.click();
      const i = await entity.getAttribute('data-entity-row');
      const hl = await page.locator(`#article [data-entity="${i}"].hl`).count();
      assert.ok(hl > 0, 'mentions highlighted');
      await entity.click();
    }
  });

  test('exports JSON (the contract) and CSV, and copies to the clipboard', async () => {
    const result = await page.evaluate(() => window.whosaid.result);
    const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const json = JSON.parse(readFileSync(await jsonDownload.path(), 'utf8'));
    assert.deepEqual(json, { text: await page.evaluate(() => window.whosaid.text), ...result });
    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const rows = parseCsv(readFileSync(await csvDownload.path(), 'utf8').replace(/^\ufeff/, ''));
    assert.deepEqual(rows[0], ['index', 'speaker', 'speaker_mention', 'speaker_entity', 'cue', 'kind', 'text', 'start', 'end']);
    assert.equal(rows.length - 1, result.quotes.length);
    rows.slice(1).forEach((row, i) => {
      const q = result.quotes[i];
      assert.equal(row[6].replace(/^'/, ''), q.text);
      assert.equal(row[5], q.kind);
      assert.equal(Number(row[7]), q.start);
      assert.equal(row[1], q.speaker?.name ?? '');
    });
    await page.click('#copy-json');
    await page.waitForFunction(() => /Copied/.test(document.getElementById('export-status').textContent));
    const { text, ...copied } = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
    assert.deepEqual(copied, result);
    assert.equal(text, await page.evaluate(() => window.whosaid.text));
  });

  test('typing analyses after a pause; .txt and .html files open by picker and by drop', async () => {
    await page.evaluate(() => { document.body.dataset.state = ''; });
    await page.fill('#input', '“The river is rising,” said Mayor Ada Brook.');
    await page.waitForSelector('body[data-state="done"]');
    assert.match(await page.textContent('#article'), /The river is rising/);

    await page.evaluate(() => { document.body.dataset.state = ''; });
    await page.setInputFiles('#file', { name: 'story.html', mimeType: 'text/html',
      buffer: Buffer.from('<html><body><h1>Floods</h1><p>“We are ready,” the chief said.</p><script>window.__xss=9</script></body></html>') });
    await page.waitForSelector('body[data-state="done"]');
    assert.equal(await page.inputValue('#input'), 'Floods\n\n“We are ready,” the chief said.');

    await page.evaluate(() => {
      document.body.dataset.state = '';
      const data = new DataTransfer();
      data.items.add(new File(['Dropped text.\n\n“It works,” she said.'], 'drop.txt', { type: 'text/plain' }));
      document.getElementById('input-card').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.waitForSelector('body[data-state="done"]');
    assert.equal(await page.inputValue('#input'), 'Dropped text.\n\n“It works,” she said.');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  test('engine errors reach the page as Error objects', async () => {
    const errors = await page.evaluate(async () => {
      const { createAnalyzer } = await import('/pkg/index.js');
      const analyzer = createAnalyzer();
      const out = [];
      for (const [text, options] of [[42, {}], ['text', { offsets: 'miles' }]]) {
        try { await analyzer.analyze(text, options); out.push(null); } catch (e) { out.push([e instanceof Error, e.name, e.message]); }
      }
      analyzer.terminate();
      return out;
    });
    assert.deepEqual(errors[0], [true, 'TypeError', 'whosaid.analyze: the text must be a string']);
    assert.equal(errors[1][0], true);
    assert.match(errors[1][2], /^whosaid\.analyze: /);
  });

  test('a worker started as worker.js?wasm=posted takes a posted Module, or fetches the wasm itself on null', async () => {
    const out = await page.evaluate(async () => {
      const { createAnalyzer } = await import('/pkg/index.js');
      const text = '“We will reopen the bridge on Monday,” Mayor Ada Brook said.';
      const module = await WebAssembly.compileStreaming(fetch('/pkg/whosaid_bg.wasm'));
      const results = [];
      for (const posted of [module, null]) {
        const worker = new Worker('/pkg/worker.js?wasm=posted', { type: 'module' });
        const analyzer = createAnalyzer({ worker });
        // A request sent before the module waits for it.
        const pending = analyzer.analyze(text);
        worker.postMessage({ type: 'wasm', module: posted });
        const r = await pending;
        results.push([r.quotes.length, r.quotes[0]?.speaker?.name ?? null]);
        analyzer.terminate();
      }
      return results;
    });
    assert.deepEqual(out, [[1, 'Ada Brook'], [1, 'Ada Brook']]);
  });

  test('the panels order names exactly as localeCompare does', async () => {
    const out = await page.evaluate(async () => {
      const { compareNames } = await import('/panels.js');
      const chars = [];
      for (let c = 32; c < 127; c++) chars.push(String.fromCharCode(c));
      chars.push('é', 'Ö', 'ß', 'ı', '\u00a0');
      // A seeded generator, so that a failing pair comes back on every run.
      let seed = 12345;
      const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
      const pick = (k) => Array.from({ length: k }, () => chars[Math.floor(random() * chars.length)]).join('');
      const pairs = [['Ada Brook', 'ada brook'], ['Rex Tillerson', 'Rex tillerson'], ['U.S.', 'US'], ['O\'Brien', 'Obrien'], ['Jean-Luc', 'Jean Luc'], ['$4.5 billion', '4.5'], ['', 'a']];
      for (let i = 0; i < 50_000; i++) {
        const a = pick(Math.floor(random() * 7));
        pairs.push([a, random() < 0.4 ? a.toUpperCase() : pick(Math.floor(random() * 7))]);
      }
      return pairs.filter(([a, b]) => compareNames(a, b) !== Math.sign(a.localeCompare(b)));
    });
    assert.deepEqual(out, []);
  });

  test('pasted markup is shown as text and runs nothing', async () => {
    const attack = '“<img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script>,” said <b onmouseover="window.__xss=3">Mallory</b>. ' +
      '"><svg onload=window.__xss=4> <iframe src="javascript:window.__xss=5"></iframe>';
    await paste(page, { text: attack });
    const plain = await page.evaluate(() => ({
      elements: document.querySelectorAll('#article img, #article script, #article svg, #article iframe, #article b').length,
      text: document.getElementById('article').textContent,
    }));
    assert.equal(plain.elements, 0);
    assert.ok(plain.text.includes('<img src=x onerror="window.__xss=1">'), 'the markup shows as characters');
    assert.ok(plain.text.includes('<script>window.__xss=2</script>'));
    // HTML on the clipboard becomes clean text; nothing in it loads or runs.
    const html = '<h1>Headline</h1><p>“Fine words,” she said.</p><img src=x onerror="window.__xss=6"><script>window.__xss=7</script><p>Second &lt;b&gt;para&lt;/b&gt;</p>';
    await paste(page, { text: 'fallback', html });
    const value = await page.inputValue('#input');
    assert.equal(value, 'Headline\n\n“Fine words,” she said.\n\nSecond <b>para</b>');
    assert.equal(await page.locator('#article p').count(), 3);
    await page.mouse.move(200, 700);
    await page.waitForTimeout(200);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    // Handlers and styles are stripped before parsing: the CSP has nothing to refuse.
    assert.deepEqual(seen.errors, [], `console errors: ${seen.errors.join(' | ')}`);
  });

  test('a 1 MB paste keeps the page answering, with progress shown', async () => {
    const sample = readFileSync(join(repo, 'www/sample.txt'), 'utf8');
    const big = Array.from({ length: Math.ceil(1_048_576 / (sample.length + 2)) }, () => sample).join('\n\n');
    assert.ok(big.length >= 1_048_576);
    await page.evaluate(() => {
      window.__lag = { max: 0, last: performance.now(), progress: false };
      window.__lagTimer = setInterval(() => {
        const now = performance.now();
        window.__lag.max = Math.max(window.__lag.max, now - window.__lag.last);
        window.__lag.last = now;
        if (!document.getElementById('progress').hidden) window.__lag.progress = true;
      }, 20);
    });
    const t0 = Date.now();
    await paste(page, { text: big, wait: false });
    // While it works, the page still answers input.
    const answered = Date.now();
    await page.evaluate(() => document.getElementById('speakers-heading').textContent);
    const answerMs = Date.now() - answered;
    await page.waitForSelector('body[data-state="done"]', { timeout: 180_000 });
    const lag = await page.evaluate(() => { clearInterval(window.__lagTimer); return window.__lag; });
    const shown = await shownCounts(page);
    console.log(`# 1 MB (${big.length} chars): ${shown.quotes} quotes shown after ${Date.now() - t0} ms; longest main-thread stall ${Math.round(lag.max)} ms; answered in ${answerMs} ms`);
    assert.ok(lag.progress, 'progress was shown');
    assert.ok(lag.max < 1000, `the main thread stalled for ${Math.round(lag.max)} ms`);
    // The worker analysed it in parts; the quotes are the ones of one whole-text call.
    const same = await page.evaluate(async (big) => {
      const engine = await import('/pkg/index.js');
      const whole = engine.analyze(big).quotes.map((q) => `${q.start}:${q.end}:${q.kind}`);
      const parts = window.whosaid.result.quotes.map((q) => `${q.start}:${q.end}:${q.kind}`);
      return { whole: whole.length, parts: parts.length, equal: whole.join() === parts.join() };
    }, big);
    assert.deepEqual(same, { whole: same.parts, parts: shown.total, equal: true });
  });

  test('works offline after the first visit', async () => {
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    try {
      await page.reload();
      await page.waitForSelector('body[data-engine="ready"]');
      await paste(page, { text: '“We are still here,” Ada Brook said on Monday.' });
      assert.ok((await shownCounts(page)).quotes >= 1);
    } finally {
      await context.setOffline(false);
    }
  });

  test('makes no request outside 127.0.0.1', () => {
    const outside = seen.requests.filter((url) => !url.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(url));
    assert.deepEqual(outside, []);
    assert.ok(seen.requests.some((u) => u.endsWith('/pkg/whosaid_bg.wasm')), 'the wasm was loaded from the site itself');
  });
});
