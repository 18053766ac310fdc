// www/embed.html: the <who-said> element on a host page with a strict CSP,
// in place (for="#story") and in its shadow root, with its event, its
// highlights and its custom properties.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launch, repo, serve, watch } from './harness.mjs';
import { axe, partsResult } from './reporter-helpers.mjs';

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

  test('quotes are reached with Tab and show a popup (role="tooltip") naming the speaker', async () => {
    await page.evaluate(() => document.activeElement?.blur());
    // The first Tab stops go through the page's own link, then the quotes in place.
    let state = null;
    for (let i = 0; i < 6 && !state; i++) {
      await page.keyboard.press('Tab');
      state = await page.evaluate(() => {
        const mark = document.activeElement;
        if (!mark?.matches('#story mark.whosaid-quote')) return null;
        const popup = document.getElementById(mark.getAttribute('aria-describedby'));
        const q = document.getElementById('inplace').result.quotes[Number(mark.dataset.quote)];
        return { role: popup?.getAttribute('role'), visible: popup && !popup.hidden && popup.getBoundingClientRect().height > 0,
          text: popup?.textContent, speaker: q.speaker?.name, title: mark.hasAttribute('title') };
      });
    }
    assert.ok(state, 'Tab reaches a quote');
    assert.equal(state.role, 'tooltip');
    assert.equal(state.visible, true);
    assert.ok(state.text.startsWith(state.speaker), `${state.text} names ${state.speaker}`);
    assert.equal(state.title, false, 'no native title tooltip');
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => document.querySelector('.whosaid-popup').hidden), true);
    // In the shadow root too.
    const inline = await page.evaluate(() => {
      const el = document.getElementById('inline');
      const mark = el.shadowRoot.querySelector('mark[tabindex="0"]');
      mark.focus();
      const popup = el.shadowRoot.getElementById(mark.getAttribute('aria-describedby'));
      return { role: popup.getAttribute('role'), shown: !popup.hidden, text: popup.textContent };
    });
    assert.equal(inline.role, 'tooltip');
    assert.equal(inline.shown, true);
    assert.match(inline.text, /cue: /);
  });

  test('a quote in parts is highlighted part by part; an unnamed speaker is marked as such', async () => {
    const made = partsResult();
    const state = await page.evaluate(async ({ text, result }) => {
      const el = document.createElement('who-said');
      el.engine = async () => result;
      const p = document.createElement('p');
      p.textContent = text;
      el.id = 'parts';
      el.append(p);
      document.querySelector('main').append(el);
      await new Promise((resolve) => el.addEventListener('whosaid:analyzed', resolve, { once: true }));
      const marks = [...el.shadowRoot.querySelectorAll('mark[data-quote="0"]')].map((m) => m.textContent);
      const first = el.shadowRoot.querySelector('mark[data-quote="0"]');
      first.focus();
      const popup = el.shadowRoot.querySelector('[role="tooltip"]');
      const zero = popup.textContent;
      el.shadowRoot.querySelector('mark[data-quote="2"]').focus();
      return { marks, zero, two: popup.textContent, summary: el.shadowRoot.querySelector('[part="summary"]').textContent };
    }, made);
    assert.deepEqual(state.marks, ['We will,', 'win the vote.']);
    assert.match(state.zero, /^Luis Ortega.*“We will, … win the vote\.”$/);
    assert.match(state.two, /^a police spokesman \(unnamed\)/);
    assert.match(state.summary, /Luis Ortega \(2\), a police spokesman \(unnamed\) \(1\)/);
  });

  test('axe-core finds no serious or critical violation, light and dark', async () => {
    // The page's own colours again (an earlier test set an unreadable one on purpose).
    await page.evaluate(() => document.documentElement.style.removeProperty('--whosaid-quote-bg'));
    for (const scheme of ['light', 'dark']) {
      // NOTE: reduced motion turns off the colour transitions, so axe never reads a colour halfway.
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const violations = await axe(page);
      assert.deepEqual(violations, [], `${scheme}: ${violations.join('\n')}`);
    }
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
