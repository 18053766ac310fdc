// Helpers for page.test.mjs: paste like a person (a real paste event with
// clipboard data), read back what the page shows, ask the engine directly.

/** Replaces the article with a paste of `text` (and `html`) and waits for the analysis. */
export async function paste(page, { text = '', html = '', wait = true }) {
  await page.evaluate(({ text, html }) => {
    document.body.dataset.state = '';
    const input = document.getElementById('input');
    input.value = '';
    input.focus();
    const data = new DataTransfer();
    if (text) data.setData('text/plain', text);
    if (html) data.setData('text/html', html);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, { text, html });
  if (wait) await page.waitForSelector('body[data-state="done"]', { timeout: 60_000 });
}

/** What the page shows: quotes highlighted, listed and counted; speaker rows; entities. */
export function shownCounts(page) {
  return page.evaluate(() => {
    const distinct = (selector, key) => [...new Set([...document.querySelectorAll(selector)].map((el) => Number(el.dataset[key])))].sort((a, b) => a - b);
    return {
      quotes: distinct('#article mark[data-quote]', 'quote').length,
      listed: document.querySelectorAll('#quotes [data-quote-item]').length,
      total: Number(document.getElementById('quote-total').textContent),
      speakers: [...document.querySelectorAll('#speakers [data-speaker]')].map((b) => [b.dataset.speaker, Number(b.querySelector('.n').textContent)]),
      entities: document.querySelectorAll('#entities [data-entity-row]').length,
      entityIndices: distinct('#article [data-entity]', 'entity'),
    };
  });
}

/**
 * The engine's own answer for `text`, run in the same page on the main thread
 * (the package's init/analyze), checked equal to what the page's worker gave.
 */
export async function engineCounts(page, text) {
  return page.evaluate(async (text) => {
    const engine = await import('/pkg/index.js');
    await engine.init();
    const r = engine.analyze(text);
    if (JSON.stringify(r) !== JSON.stringify(window.whosaid.result)) throw new Error('the worker and the main-thread engine disagree');
    const counts = new Map();
    for (const q of r.quotes) {
      // Grouped as the page groups them: by entity when there is one, else by the description.
      const entity = q.speaker?.entity != null ? r.entities[q.speaker.entity] : null;
      const key = q.speaker ? entity?.name ?? (q.speaker.name || q.speaker.text) : '';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const speakers = [...counts].sort((a, b) => (!a[0] - !b[0]) || b[1] - a[1] || a[0].localeCompare(b[0]));
    return {
      quotes: r.quotes.length,
      speakers,
      entities: r.entities.length,
      entityIndicesWithMentions: r.entities.map((e, i) => (e.mentions.length ? i : -1)).filter((i) => i >= 0),
    };
  }, text);
}

/** Rows of an RFC 4180 CSV text. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
