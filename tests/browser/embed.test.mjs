// www/embed.html: the <who-said> element on a host page with a strict CSP,
// in place (for="#story") and in its shadow root, with its event, its
// highlights and its custom properties.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, repo, serve, watch } from './harness.mjs';

describe('the <who-said> element on www/embed.html', () => {
  let server, browser, page, seen;
  before(async () => {
    server = await serve(join(repo, 'www'));
    browser = await launch();
    const context = await browser.newContext();
    seen = watch(context);
    page = await context.newPage();
    await page.goto(`${server.origin}/embed.html`);
    await page.waitForFunction(() => document.querySelectorAll('#log li').length >= 2, null, { timeout: 20_000 });
  });
  after(async () => {
    await browser?.close();
    server?.stop();
  });

  test('fires whosaid:analyzed and highlights the article in place', async () => {
    const state = await page.evaluate(() => {
      const el = document.getElementById('inplace');
      const story = document.getElementById('story');
      const r = el.result;
      return {
        log: document.getElementById('log').textContent,
        quotes: r.quotes.length,
        marked: new Set([...story.querySelectorAll('mark.whosaid-quote')].map((m) => m.dataset.quote)).size,
        entities: r.entities.filter((e) => e.mentions.length).length,
        entityMarked: new Set([...story.querySelectorAll('.whosaid-entity')].map((m) => m.dataset.entity)).size,
        textKept: story.textContent.includes('“It is a small price for a generation that reads,” Whitfield said.'),
        firstQuote: r.quotes[0] && { text: r.quotes[0].text, marked: [...story.querySelectorAll(`mark[data-quote="0"]`)].map((m) => m.textContent).join('') },
      };
    });
    assert.match(state.log, /#inplace: \d+ quotes/);
    assert.ok(state.quotes > 0, 'the story has quotes');
    assert.equal(state.marked, state.quotes);
    assert.equal(state.entityMarked, state.entities);
    assert.ok(state.textKept, 'the article text is unchanged');
    assert.equal(state.firstQuote.marked, state.firstQuote.text);
  });

  test('renders its own text in its shadow root, styled by custom properties and ::part', async () => {
    const state = await page.evaluate(() => {
      const el = document.getElementById('inline');
      const marks = el.shadowRoot.querySelectorAll('mark[part~="quote"]');
      document.documentElement.style.setProperty('--whosaid-quote-bg', 'rgb(1, 2, 3)');
      const bg = marks[0] && getComputedStyle(marks[0]).backgroundColor;
      const inPlace = getComputedStyle(document.querySelector('#story mark.whosaid-quote')).backgroundColor;
      return { quotes: el.result.quotes.length, marks: new Set([...marks].map((m) => m.dataset.quote)).size, bg, inPlace,
        summary: el.shadowRoot.querySelector('[part="summary"]').textContent };
    });
    assert.ok(state.quotes > 0);
    assert.equal(state.marks, state.quotes);
    assert.equal(state.bg, 'rgb(1, 2, 3)');
    assert.equal(state.inPlace, 'rgb(1, 2, 3)');
    assert.match(state.summary, /quote/);
  });

  test('re-analyses after the article changes, and no errors or outside requests', async () => {
    const count = await page.evaluate(async () => {
      const story = document.getElementById('story');
      const p = document.createElement('p');
      p.textContent = '“One more thing,” Haddad said.';
      story.append(p);
      const r = await document.getElementById('inplace').refresh();
      return { quotes: r.quotes.length, marks: new Set([...story.querySelectorAll('mark.whosaid-quote')].map((m) => m.dataset.quote)).size };
    });
    assert.equal(count.marks, count.quotes);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.requests.filter((u) => !u.startsWith(`${server.origin}/`)), []);
  });
});
