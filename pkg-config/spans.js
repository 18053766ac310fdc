// Turns a text and its analysis into DOM paragraphs with the quotes, entity
// mentions, cues and speaker mentions wrapped in elements. Text only ever goes
// in through text nodes (never markup), so an article cannot inject HTML.
// Linear in the text plus the spans (after one sort of the span ends).

/** The wrapping layers, outermost first. */
export const LAYERS = ['quote', 'entity', 'speaker', 'cue'];

/**
 * The [start, end) of each paragraph: each non-blank line, trimmed. (Pasted
 * articles separate paragraphs by one line break as often as by a blank line.)
 * @param {string} text
 * @returns {Array<[number, number]>}
 */
export function paragraphRanges(text) {
  const out = [];
  const lineBreak = /\r?\n|\r|\u2029/g;
  let start = 0;
  for (;;) {
    const m = lineBreak.exec(text);
    const end = m ? m.index : text.length;
    const [s, e] = trimRange(text, start, end);
    if (e > s) out.push([s, e]);
    if (!m) return out;
    start = m.index + m[0].length;
  }
}

function trimRange(text, s, e) {
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/**
 * The parts of a quote: its content in pieces where an attribution interrupts
 * it (`"We will," he said, "win."` has two). A result from an engine that
 * gives no `parts` is read as one part, the quote's own span.
 * @param {{start: number, end: number, text: string, parts?: Array<{start: number, end: number, text: string}>}} q
 * @returns {Array<{start: number, end: number, text: string}>}
 */
export function quoteParts(q) {
  return Array.isArray(q.parts) && q.parts.length ? q.parts : [{ start: q.start, end: q.end, text: q.text }];
}

/** A quote's words as a reader sees them: the parts' texts joined by " … ". */
export function quoteText(q) {
  const parts = quoteParts(q);
  return parts.length > 1 ? parts.map((p) => p.text).join(' … ') : parts[0].text;
}

/** Every span of the result as {layer, index, start, end}: each part of a quote is a span of its own. */
function collectSpans(result) {
  const spans = [];
  result.quotes.forEach((q, i) => {
    for (const part of quoteParts(q)) spans.push({ layer: 0, index: i, start: part.start, end: part.end });
    if (q.speaker) spans.push({ layer: 2, index: i, start: q.speaker.start, end: q.speaker.end });
    if (q.cue) spans.push({ layer: 3, index: i, start: q.cue.start, end: q.cue.end });
  });
  result.entities.forEach((entity, i) => {
    for (const m of entity.mentions) spans.push({ layer: 1, index: i, start: m.start, end: m.end });
  });
  return spans.filter((s) => s.end > s.start);
}

/**
 * A left-to-right walk over the spans of a result: `renderRange` calls on
 * increasing, non-overlapping ranges share one sweep.
 * @param {{quotes: any[], entities: any[]}} result
 */
export function createSweep(result) {
  const events = [];
  for (const s of collectSpans(result)) events.push([s.start, 1, s], [s.end, 0, s]);
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { events, next: 0, active: LAYERS.map(() => []) };
}

/**
 * Appends `text.slice(from, to)` to `container`, wrapped in an element per
 * span covering it. `decorate(el, layer, index)` adds classes, parts or
 * attributes to each wrapper; wrappers already carry `data-quote`,
 * `data-entity`, `data-speaker-of` or `data-cue`. With `breaks`, a newline
 * becomes a <br>.
 */
export function renderRange(doc, sweep, container, text, from, to, decorate = () => {}, breaks = false) {
  const { events, active } = sweep;
  const stack = [];
  let pos = from;
  while (pos < to) {
    while (sweep.next < events.length && events[sweep.next][0] <= pos) applyEvent(active, events[sweep.next++]);
    const next = sweep.next < events.length ? Math.min(events[sweep.next][0], to) : to;
    appendPiece(doc, container, stack, active, text.slice(pos, next), decorate, breaks);
    pos = next;
  }
}

/**
 * Renders the article one paragraph at a time (a generator, so a page can
 * spread a long article over several frames).
 * @param {Document} doc
 * @param {string} text
 * @param {{quotes: any[], entities: any[]}} result
 * @param {(el: HTMLElement, layer: string, index: number) => void} [decorate]
 * @returns {Generator<HTMLParagraphElement>}
 */
export function* renderParagraphs(doc, text, result, decorate) {
  const sweep = createSweep(result);
  for (const [ps, pe] of paragraphRanges(text)) {
    const p = doc.createElement('p');
    p.dataset.start = String(ps);
    renderRange(doc, sweep, p, text, ps, pe, decorate, true);
    yield p;
  }
}

function applyEvent(active, [, opening, span]) {
  const list = active[span.layer];
  if (opening) list.push(span.index);
  else {
    const at = list.indexOf(span.index);
    if (at >= 0) list.splice(at, 1);
  }
}

const ATTR = ['quote', 'entity', 'speakerOf', 'cue'];

function appendPiece(doc, p, stack, active, piece, decorate, breaks) {
  const want = [];
  active.forEach((list, layer) => {
    if (list.length) want.push([layer, Math.min(...list)]);
  });
  let keep = 0;
  while (keep < stack.length && keep < want.length && stack[keep].layer === want[keep][0] && stack[keep].index === want[keep][1]) keep++;
  stack.length = keep;
  for (const [layer, index] of want.slice(keep)) {
    const el = doc.createElement(layer === 0 ? 'mark' : 'span');
    el.dataset[ATTR[layer]] = String(index);
    decorate(el, LAYERS[layer], index);
    (stack.length ? stack[stack.length - 1].el : p).appendChild(el);
    stack.push({ layer, index, el });
  }
  const parent = stack.length ? stack[stack.length - 1].el : p;
  const lines = breaks ? piece.split('\n') : [piece];
  lines.forEach((line, i) => {
    if (i > 0) parent.appendChild(doc.createElement('br'));
    if (line) parent.appendChild(doc.createTextNode(line));
  });
}
