// Made-up pages and results for reporter.test.mjs: a saved news page with
// the furniture around its article, a result with quotes in parts and
// unnamed speakers, and axe-core run inside a page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The article of the saved page: made-up sentences. */
export const STORY = [
  'Harbour ferry to run through the night from June',
  '“We listened to the night-shift workers, and they were right,” said Tomas Vell, the ferry company’s director.',
  'The harbour authority said the extra crossings would cost about $40,000 a month, paid from the summer fares.',
  '“Nobody should have to sleep at the terminal because the last boat left at midnight,” Vell said.',
  'A spokeswoman for the dockworkers’ union welcomed the change but said it had taken three years of letters.',
];

/** A whole saved page: navigation, cookie banner, the article, related links, comments, footer. */
export function savedPage() {
  const [title, ...paragraphs] = STORY;
  return `<!doctype html><html><head><title>${title} | The Bayside Post</title>
<style>.menu{color:red}</style><script>window.__xss = 'saved page';</script></head>
<body>
<a href="#main" class="skip">Skip to main content</a>
<header class="site-header"><nav class="menu"><ul><li><a href="/news">News</a></li><li><a href="/opinion">Opinion</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience. Accept all cookies?</p><button>Accept</button></div>
<main id="main"><article class="story">
<h1>${title}</h1>
<p class="byline">By a staff writer</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="related"><h2>Related stories</h2><ul><li><a href="/a">Bridge tolls to rise in autumn, council says</a></li>
<li><a href="/b">Ten photos of the harbour at dawn</a></li></ul></aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Finally! I have been asking for this for years, said nobody at all.</p></div>
<div class="comment"><p>What about the buses though? They stop at ten.</p></div></section>
</main>
<footer class="site-footer"><p>Copyright The Bayside Post. Terms of use. Privacy policy. Contact us.</p></footer>
</body></html>`;
}

/**
 * A text and a result for it, built the way the engine reports them: quote 0
 * is `“We will,” Ortega said, “win the vote.”` in two parts; quote 1 is by
 * the same person under another mention ("Luis Ortega", the same entity);
 * quote 2 is by an unnamed speaker, "a police spokesman".
 */
export function partsResult() {
  const text = 'Vote day\n\n“We will,” Ortega said, “win the vote.”\n\n“It is done,” said Luis Ortega.\n\n' +
    'A police spokesman said that the roads would close at noon.';
  const span = (s, from = 0) => {
    const start = text.indexOf(s, from);
    if (start < 0) throw new Error(`not in the text: ${s}`);
    return { start, end: start + s.length, text: s };
  };
  const p1 = span('We will,');
  const p2 = span('win the vote.');
  const ortega = { type: 'PERSON', name: 'Luis Ortega', title: null, mentions: [span('Ortega'), span('Luis Ortega')] };
  const quotes = [
    { start: p1.start, end: p2.end, text: 'We will, … win the vote.', parts: [p1, p2], kind: 'direct',
      cue: span('said'), speaker: { ...span('Ortega'), name: 'Luis Ortega', entity: 0 } },
    { ...span('It is done,'), parts: [span('It is done,')], kind: 'direct', cue: span('said', text.indexOf('It is done')),
      speaker: { ...span('Luis Ortega'), name: 'Ortega', entity: 0 } },
    { ...span('the roads would close at noon'), kind: 'indirect', cue: span('said', text.indexOf('A police')),
      speaker: { ...span('A police spokesman'), name: 'a police spokesman', entity: null } },
  ];
  return { text, result: { quotes, entities: [ortega] } };
}

/** A result with `n` speakers, one quote each, for the palette. */
export function manySpeakers(n) {
  const lines = Array.from({ length: n }, (_, i) => `“Line number ${i} is mine,” said Person${String.fromCharCode(65 + i)} Quill.`);
  const text = lines.join('\n\n');
  let at = 0;
  const quotes = lines.map((line, i) => {
    const start = text.indexOf(line, at) + 1;
    at = start;
    const words = `Line number ${i} is mine,`;
    const name = `Person${String.fromCharCode(65 + i)} Quill`;
    const s = text.indexOf(name, start);
    return { start, end: start + words.length, text: words, kind: 'direct', cue: null,
      speaker: { start: s, end: s + name.length, text: name, name, entity: i } };
  });
  const entities = quotes.map((q) => ({ type: 'PERSON', name: q.speaker.name, title: null, mentions: [{ start: q.speaker.start, end: q.speaker.end, text: q.speaker.text }] }));
  return { text, result: { quotes, entities } };
}

/** Runs axe-core in `page` (evaluated over the DevTools protocol, so the page's CSP does not apply). */
export async function axe(page, options = {}) {
  const source = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(source);
  const results = await page.evaluate((opts) => window.axe.run(document, opts), options);
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.any[0]?.message ?? n.failureSummary}`).join('; ')})`);
}
