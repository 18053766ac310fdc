// The page as a reporter uses it (issue 18): saved pages read as articles,
// clean HTML pastes, quotes in parts and unnamed speakers, the palette, share
// of voice, exports, keyboard use and axe-core, and the phone layout (which
// saves www/screenshot-phone.png).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, repo, serve, watch } from './harness.mjs';
import { parseCsv, paste } from './page-helpers.mjs';
import { axe, manySpeakers, partsResult, savedPage, STORY } from './reporter-helpers.mjs';

async function openPage(browser, origin, options = {}) {
  // No service worker: page.route must see the page's own requests.
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1360, height: 1000 }, serviceWorkers: 'block', ...options });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const seen = watch(context);
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-engine="ready"]');
  return { context, page, seen };
}

/** Shows a made-up result as the page would show the engine's. */
function show(page, { text, result }) {
  return page.evaluate(({ text, result }) => window.whosaid.show(text, result), { text, result });
}

async function sample(page) {
  await page.evaluate(() => { document.body.dataset.state = ''; });
  await page.click('#sample');
  await page.waitForSelector('body[data-state="done"]');
}

describe('the page as a reporter uses it', () => {
  let server, browser, context, page, seen;
  before(async () => {
    server = await serve(join(repo, 'www'));
    browser = await launch();
    ({ context, page, seen } = await openPage(browser, server.origin));
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });

  test('a saved web page is read as its article, and the whole page is one click away', async () => {
    const lazy = (u) => /\/(extract|pkg\/readability)\.js$/.test(u);
    assert.deepEqual(seen.requests.filter(lazy), [], 'Readability is not loaded before HTML comes in');
    await page.evaluate(() => { document.body.dataset.state = ''; });
    await page.setInputFiles('#file', { name: 'saved.html', mimeType: 'text/html', buffer: Buffer.from(savedPage()) });
    await page.waitForSelector('body[data-state="done"]');
    const value = await page.inputValue('#input');
    for (const p of STORY) assert.ok(value.includes(p), `the article keeps: ${p}`);
    assert.ok(value.startsWith(STORY[0]), 'the headline comes first');
    for (const junk of ['Skip to main content', 'Opinion', 'cookies', 'Related stories', 'Bridge tolls', 'buses', 'Copyright', 'Comments']) {
      assert.ok(!value.includes(junk), `left out: ${junk}`);
    }
    assert.equal(await page.isVisible('#extract-note'), true);
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(seen.requests.filter(lazy).length, 2, 'loaded when HTML came in');
    await page.evaluate(() => { document.body.dataset.state = ''; });
    await page.click('#extract-whole');
    await page.waitForSelector('body[data-state="done"]');
    const whole = await page.inputValue('#input');
    assert.ok(whole.includes('Skip to main content') && whole.includes('Opinion') && whole.includes(STORY[1]));
    assert.equal(await page.isVisible('#extract-note'), false);
    // Editing an extracted article drops the way back (it would lose the edits).
    await page.setInputFiles('#file', { name: 'saved.html', mimeType: 'text/html', buffer: Buffer.from(savedPage()) });
    await page.waitForSelector('#extract-note:not([hidden])');
    await page.type('#input', ' More.');
    assert.equal(await page.isVisible('#extract-note'), false);
  });

  test('a whole page pasted as HTML is read as its article; a fragment is kept whole', async () => {
    await paste(page, { text: 'plain fallback', html: savedPage() });
    const value = await page.inputValue('#input');
    assert.ok(value.includes(STORY[3]) && !value.includes('cookies') && !value.includes('buses'));
    await paste(page, { text: 'plain', html: '<p>Menu</p><p>“Short and sweet,” she said.</p>' });
    assert.equal(await page.inputValue('#input'), 'Menu\n\n“Short and sweet,” she said.');
  });

  test('HTML with inline styles, handlers and hidden text pastes with no console error', async () => {
    const styled = Array.from({ length: 40 }, (_, i) => `<p style="color: #${(i * 97).toString(16).padStart(3, '0')}; margin: 0" onclick="window.__xss=${i}">Paragraph ${i} <span style="font-weight:bold">said</span> it.</p>`).join('');
    const hidden = '<div style="display:none">SECRET-DISPLAY</div><p hidden>SECRET-HIDDEN</p><span style="visibility: hidden">SECRET-VIS</span><p aria-hidden="true">SECRET-ARIA</p>';
    const before = seen.errors.length;
    await paste(page, { text: 'fallback', html: `<style>p { color: red }</style>${styled}${hidden}<svg style="fill:red" onload="window.__xss=99"></svg>` });
    const value = await page.inputValue('#input');
    assert.ok(value.startsWith('Paragraph 0 said it.') && value.includes('Paragraph 39 said it.'));
    assert.ok(!/SECRET/.test(value), `hidden text left out: ${value.slice(-200)}`);
    await page.waitForTimeout(300);
    assert.deepEqual(seen.errors.slice(before), [], 'no console error');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
  });

  test('quotes in parts: each part highlighted, the attribution not; joined text in the list and CSV', async () => {
    const made = partsResult();
    await show(page, made);
    const state = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('#article mark[data-quote="0"]')].map((m) => m.textContent);
      const attribution = [...document.querySelectorAll('#article mark')].some((m) => m.textContent.includes('Ortega said'));
      return { marks, attribution, listed: document.querySelector('[data-quote-item="0"] .quote-text').textContent };
    });
    assert.deepEqual(state.marks, ['We will,', 'win the vote.']);
    assert.equal(state.attribution, false, 'the attribution between the parts is not highlighted');
    assert.equal(state.listed, 'We will, … win the vote.');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const rows = parseCsv(readFileSync(await csv.path(), 'utf8').replace(/^\ufeff/, ''));
    assert.equal(rows[1][6], 'We will, … win the vote.');
    // Without parts (an older engine), the same quote is one part, its span.
    const { parts, ...plain } = made.result.quotes[0];
    await show(page, { text: made.text, result: { ...made.result, quotes: [{ ...plain, text: made.text.slice(plain.start, plain.end) }] } });
    const one = await page.evaluate(() => [...document.querySelectorAll('#article mark[data-quote="0"]')].map((m) => m.textContent).join(''));
    assert.equal(one, 'We will,” Ortega said, “win the vote.');
  });

  test('speakers are grouped by entity; an unnamed speaker shows as a description', async () => {
    await show(page, partsResult());
    const rows = await page.evaluate(() => [...document.querySelectorAll('#speakers [data-speaker]')].map((b) => ({
      key: b.dataset.speaker, n: b.querySelector('.n').textContent, italic: getComputedStyle(b.querySelector('.name em') ?? b).fontStyle,
      unnamed: b.querySelector('.tag')?.textContent ?? null, name: b.querySelector('.name').firstChild.textContent,
    })));
    assert.deepEqual(rows.map((r) => [r.key, r.n, r.unnamed]), [['Luis Ortega', '2', null], ['a police spokesman', '1', 'unnamed']]);
    assert.equal(rows[1].italic, 'italic');
    await page.focus('#article mark[data-quote="2"]');
    assert.match(await page.textContent('#tooltip'), /^a police spokesman \(unnamed\)/);
    await page.click('#speakers [data-speaker="a police spokesman"]');
    assert.match(await page.textContent('#filter-label'), /unnamed speaker, “a police spokesman”/);
    await page.click('#filter-clear');
  });

  test('exports: CSV with a UTF-8 byte-order mark, JSON with the text, quotes as lines', async () => {
    const made = partsResult();
    made.text = made.text.replace('Vote day', 'Māori vote day');
    const shift = 'Māori '.length;
    const moved = JSON.parse(JSON.stringify(made.result), (k, v) => (k === 'start' || k === 'end' ? v + shift : v));
    await show(page, { text: made.text, result: moved });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#download-csv')]);
    const bytes = readFileSync(await csv.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'starts with the UTF-8 BOM');
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#download-json')]);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(exported.text, made.text);
    for (const q of exported.quotes) for (const part of q.parts ?? [q]) assert.equal(exported.text.slice(part.start, part.end), part.text);
    assert.deepEqual(exported.quotes, moved.quotes);
    await page.click('#copy-quotes');
    await page.waitForFunction(() => /Copied 3 quotes/.test(document.getElementById('export-status').textContent));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()),
      'Luis Ortega: “We will, … win the vote.”\nLuis Ortega: “It is done,”\nA police spokesman: “the roads would close at noon”\n');
  });

  test('twelve speakers get twelve colours in both schemes; the next ones a pattern', async () => {
    await show(page, manySpeakers(15));
    for (const scheme of ['light', 'dark']) {
      // NOTE: reduced motion turns off the colour transitions, so axe never reads a colour halfway.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const looks = await page.evaluate(() => [...document.querySelectorAll('#speakers [data-speaker] .dot')].map((d) => {
        const s = getComputedStyle(d);
        const mark = document.querySelector(`#article mark[data-quote="${[...document.querySelectorAll('#speakers .dot')].indexOf(d)}"]`);
        return { look: `${s.backgroundColor} ${s.backgroundImage} ${s.boxShadow}`, mark: `${getComputedStyle(mark).backgroundColor} ${getComputedStyle(mark).backgroundImage} ${getComputedStyle(mark).boxShadow}` };
      }));
      assert.equal(looks.length, 15);
      assert.equal(new Set(looks.slice(0, 12).map((l) => l.look.split(' none')[0])).size, 12, `${scheme}: twelve distinct colours`);
      assert.equal(new Set(looks.map((l) => l.look)).size, 15, `${scheme}: every speaker's dot looks different`);
      assert.equal(new Set(looks.map((l) => l.mark)).size, 15, `${scheme}: every speaker's quotes look different`);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${scheme}: every colour readable: ${violations.join('\n')}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('share of voice: quoted words per speaker, direct and reported, click to filter', async () => {
    await show(page, partsResult());
    const rows = await page.evaluate(() => [...document.querySelectorAll('#voice [data-voice]')].map((b) => ({
      key: b.dataset.voice, n: b.querySelector('.voice-n').textContent, split: b.querySelector('.voice-split').textContent,
      segs: [...b.querySelectorAll('.seg')].map((s) => [s.classList[1], Math.round(s.getBoundingClientRect().width)]),
    })));
    // Luis Ortega: "We will," (2) + "win the vote." (3) + "It is done," (3) = 8 direct; the spokesman 6 reported.
    assert.deepEqual(rows.map((r) => [r.key, r.n, r.split]), [
      ['Luis Ortega', '8 words · 57%', '8 direct, 0 reported, in 2 quotes'],
      ['a police spokesman', '6 words · 43%', '0 direct, 6 reported, in 1 quote'],
    ]);
    assert.deepEqual(rows[0].segs.map(([k]) => k), ['direct']);
    assert.deepEqual(rows[1].segs.map(([k]) => k), ['reported']);
    assert.ok(Math.abs(rows[1].segs[0][1] / rows[0].segs[0][1] - 6 / 8) < 0.05, 'bar lengths follow the counts');
    await page.click('#voice [data-voice="a police spokesman"]');
    const filtered = await page.evaluate(() => ({
      pressed: document.querySelector('#speakers [data-speaker="a police spokesman"]').getAttribute('aria-pressed'),
      bright: [...document.querySelectorAll('#article mark[data-quote]:not(.dim)')].map((m) => m.dataset.quote),
    }));
    assert.deepEqual(filtered, { pressed: 'true', bright: ['2'] });
    await page.click('#voice [data-voice="a police spokesman"]');
    assert.equal(await page.locator('#article mark.dim').count(), 0);
  });

  test('the large-document note has no stray spaces; a failed sample fetch is reported', async () => {
    const big = 'Word and more words. '.repeat(12_000);
    await paste(page, { text: big, wait: false });
    await page.waitForSelector('#large-note:not([hidden])');
    const gap = await page.evaluate(() => {
      const size = document.getElementById('large-size');
      const range = document.createRange();
      range.setStart(size.previousSibling, size.previousSibling.length - 1);
      range.setEnd(size.previousSibling, size.previousSibling.length);
      const open = range.getBoundingClientRect();
      return { gap: size.getBoundingClientRect().left - open.right, text: size.parentElement.textContent };
    });
    assert.ok(gap.gap < 1, `the "(" touches the size (gap ${gap.gap}px)`);
    assert.match(gap.text, /^A large document \(0\.25 million characters\): /);
    await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
    await page.route('**/sample.txt', (route) => route.fulfill({ status: 404, body: 'gone' }));
    const before = seen.errors.length;
    await page.click('#sample');
    await page.waitForFunction(() => document.getElementById('status').classList.contains('error'));
    assert.match(await page.textContent('#status'), /Could not load the sample article: the server answered 404/);
    await page.unroute('**/sample.txt');
    // The browser logs the 404 itself: that one error is expected here.
    assert.deepEqual(seen.errors.splice(before), ['Failed to load resource: the server responded with a status of 404 (Not Found)']);
  });

  test('keyboard: skip links, a visible focus on "Open file…", few Tab stops, arrow keys in lists', async () => {
    await sample(page);
    // Open file…: the hidden input's label shows the focus. (A key press first: focus rings
    // show for the keyboard, not after a click.)
    await page.keyboard.press('Shift');
    await page.focus('#file');
    assert.notEqual(await page.evaluate(() => getComputedStyle(document.getElementById('file-label')).outlineStyle), 'none');
    // Tab through the whole page once.
    await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
    const stops = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const a = document.activeElement;
        return a === document.body ? null : `${a.tagName.toLowerCase()}#${a.id}.${a.className}[${a.dataset.speaker ?? a.dataset.quote ?? a.dataset.quoteItem ?? a.dataset.entityRow ?? a.dataset.voice ?? ''}]`;
      });
      if (id === null || stops.includes(id)) break;
      stops.push(id);
    }
    const quoteStops = stops.filter((s) => s.startsWith('mark')).length;
    console.log(`# Tab stops on the sample article: ${stops.length} (${quoteStops} in the article)`);
    assert.ok(stops.length <= 30, `${stops.length} Tab stops: ${stops.join(' ')}`);
    assert.equal(quoteStops, 1, 'the article\'s quotes are one Tab stop');
    // Skip links: to the article, and from the article to the findings.
    await page.evaluate(() => document.activeElement?.blur());
    await page.focus('a.skip[href="#article"]');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'article');
    await page.focus('a.skip-next');
    assert.ok(await page.evaluate(() => document.querySelector('a.skip-next').getBoundingClientRect().left >= 0), 'shown when focused');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'findings');
    // Arrow keys move inside the article's quotes and the speaker list.
    await page.focus('#article mark[tabindex="0"]');
    const first = await page.evaluate(() => document.activeElement.dataset.quote);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(() => document.activeElement.dataset.quote);
    assert.notEqual(second, first);
    assert.equal(await page.evaluate(() => document.activeElement.tabIndex), 0, 'the focused quote is the Tab stop');
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => document.activeElement.dataset.quote), first);
    await page.focus('#speakers [data-speaker][tabindex="0"]');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => [...document.querySelectorAll('#speakers [data-speaker]')].indexOf(document.activeElement)), 1);
    await page.keyboard.press('Escape');
  });

  test('on a wide screen too, the filter\'s note stays in view while the article scrolls', async () => {
    await sample(page);
    await page.setViewportSize({ width: 1360, height: 500 });
    await page.click('#speakers [data-speaker]');
    await page.evaluate(() => document.querySelector('#article p:last-child').scrollIntoView({ block: 'end' }));
    const box = await page.evaluate(() => document.getElementById('filter-clear').getBoundingClientRect().toJSON());
    assert.ok(box.top >= 0 && box.bottom <= 500, `"Show all" at ${box.top}-${box.bottom}`);
    await page.click('#filter-clear');
    await page.setViewportSize({ width: 1360, height: 1000 });
  });

  test('keyboard: focus rings are not clipped by the scrolling panels', async () => {
    await page.keyboard.press('Shift');
    const clipped = await page.evaluate(() => {
      const out = [];
      const items = document.querySelectorAll('.side button:not([disabled])');
      for (const el of items) {
        el.focus();
        el.scrollIntoView({ block: 'nearest' });
        const s = getComputedStyle(el);
        if (s.outlineStyle === 'none') { out.push(`${el.className}: no focus ring`); continue; }
        const grow = parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);
        const r = el.getBoundingClientRect();
        const ring = { left: r.left - grow, right: r.right + grow, top: r.top - grow, bottom: r.bottom + grow };
        for (let p = el.parentElement; p; p = p.parentElement) {
          const o = getComputedStyle(p);
          if (!/(auto|scroll|hidden)/.test(o.overflowX + o.overflowY)) continue;
          const c = p.getBoundingClientRect();
          const box = { left: c.left + p.clientLeft, top: c.top + p.clientTop, right: c.left + p.clientLeft + p.clientWidth, bottom: c.top + p.clientTop + p.clientHeight };
          if (ring.left < box.left - 0.5 || ring.right > box.right + 0.5 || ring.top < box.top - 0.5 || ring.bottom > box.bottom + 0.5) {
            out.push(`${el.tagName}.${el.className} clipped by ${p.id || p.className}`);
            break;
          }
        }
      }
      return { checked: items.length, out };
    });
    assert.ok(clipped.checked > 10);
    assert.deepEqual(clipped.out, []);
  });

  test('axe-core finds no serious or critical violation, light and dark', async () => {
    await sample(page);
    for (const scheme of ['light', 'dark']) {
      // NOTE: reduced motion turns off the colour transitions, so axe never reads a colour halfway.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.click('#speakers [data-speaker]');
      const violations = await axe(page);
      await page.click('#filter-clear');
      assert.deepEqual(violations, [], `${scheme}: ${violations.join('\n')}`);
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('no console error and no request outside 127.0.0.1', () => {
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith(`${server.origin}/`) && !/^(blob|data):/.test(u)), []);
  });
});

describe('the page on a phone (390x844)', () => {
  let server, browser, page, seen;
  before(async () => {
    server = await serve(join(repo, 'www'));
    browser = await launch();
    ({ page, seen } = await openPage(browser, server.origin, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }));
    await sample(page);
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });

  const inView = (selector) => page.evaluate((sel) => {
    const r = document.querySelector(sel).getBoundingClientRect();
    return r.height > 0 && r.top >= 0 && r.top < window.innerHeight && r.right <= window.innerWidth + 1;
  }, selector);

  test('a sticky bar reaches every panel at once and keeps the filter in view', async () => {
    assert.equal(await inView('#tabbar'), true);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, 'no sideways scrolling');
    await page.click('.bar-tab[data-view="speakers"]');
    assert.equal(await inView('#speakers [data-speaker]'), true, 'speakers at once');
    assert.equal(await inView('#voice [data-voice]'), true, 'the share of voice at once');
    await page.click('#speakers [data-speaker]');
    assert.equal(await inView('#bar-filter'), true);
    assert.match(await page.textContent('#bar-filter-label'), /^Showing quotes by /);
    await page.click('.bar-tab[data-view="quotes"]');
    assert.equal(await inView('#quotes li:not([hidden]) [data-quote-item]'), true, 'quotes at once');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    assert.equal(await inView('#bar-filter'), true, 'the filter stays in view');
    const item = page.locator('#quotes li:not([hidden]) [data-quote-item]').first();
    const index = await item.getAttribute('data-quote-item');
    await item.click();
    await page.waitForTimeout(700);
    assert.equal(await page.evaluate(() => document.body.dataset.view), 'article');
    assert.equal(await inView(`#article mark[data-quote="${index}"]`), true, 'the quote is shown in the article');
    await page.click('.bar-tab[data-view="people"]');
    assert.equal(await inView('#entities [data-entity-row]'), true);
    await page.click('#bar-filter-clear');
    assert.equal(await page.isVisible('#bar-filter'), false);
  });

  test('the share of voice fits the phone, in both schemes, and is saved as www/screenshot-phone.png', async () => {
    for (const scheme of ['dark', 'light']) {
      // NOTE: reduced motion turns off the colour transitions, so axe never reads a colour halfway.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.click('.bar-tab[data-view="speakers"]');
      const fits = await page.evaluate(() => [...document.querySelectorAll('#voice [data-voice]')].every((b) => b.getBoundingClientRect().right <= window.innerWidth));
      assert.equal(fits, true, scheme);
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${scheme}: ${violations.join('\n')}`);
    }
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(repo, 'www/screenshot-phone.png') });
    assert.deepEqual(seen.errors, []);
  });
});
