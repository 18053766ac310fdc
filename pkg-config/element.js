// <who-said>: a custom element that analyses an article on the host page and
// highlights its quotes and entities. Two modes:
//   <who-said>article text or markup</who-said>
//       renders the article in its shadow root, highlighted (style it with
//       the --whosaid-* custom properties and ::part(quote), ::part(entity) ...);
//   <who-said for="#story"></who-said>
//       highlights the element #story in place (wrappers get the classes
//       whosaid-quote / whosaid-entity, styled by the same custom properties
//       set on :root or on #story) and shows only its summary.
// Either way it fires `whosaid:analyzed` with { result, text, ms } in
// `event.detail` (and `whosaid:error` with { error } on failure). Each quote
// takes the keyboard focus (Tab) and shows a popup (role="tooltip", linked by
// aria-describedby) naming its speaker, cue and kind, on focus or hover; a
// quote interrupted by its attribution is highlighted part by part.
// Importing this module defines nothing; call defineWhoSaid().
import { createAnalyzer } from './analyzer.js';
import { init, analyze } from './index.js';
import { textOfTree } from './dom-text.js';
import { createSweep, renderParagraphs, renderRange, quoteParts, quoteText } from './spans.js';

const SHADOW_CSS = `
:host { display: block; }
[part~="article"] p { margin: 0 0 1em; }
[part~="quote"] { background: var(--whosaid-quote-bg, #fdf0c2); color: inherit; border-bottom: 2px solid var(--whosaid-quote-edge, #c99a06);
  padding: 0 .1em; border-radius: 2px; }
[part~="entity"] { text-decoration: underline 2px var(--whosaid-other, #6b7280); text-underline-offset: .22em; }
[part~="entity-PERSON"] { text-decoration-color: var(--whosaid-person, #1d5fd1); }
[part~="entity-ORG"] { text-decoration-color: var(--whosaid-org, #8a3fc7); }
[part~="entity-GPE"], [part~="entity-LOC"] { text-decoration-color: var(--whosaid-place, #0f7b5f); }
[part~="entity-DATE"], [part~="entity-TIME"] { text-decoration-color: var(--whosaid-date, #b45309); text-decoration-style: dotted; }
[part~="speaker"] { font-weight: var(--whosaid-speaker-weight, 650); }
[part~="cue"] { font-style: italic; }
[part~="summary"] { font-size: .875em; margin: 0 0 .75em; color: inherit; opacity: .85; }
[part~="summary"]:empty { display: none; }
[part~="quote"]:focus-visible { outline: 3px solid var(--whosaid-focus, #1d4ed8); outline-offset: 1px; }
[part~="popup"] { position: fixed; z-index: 2147483000; max-width: 320px; margin: 0; pointer-events: none;
  background: var(--whosaid-popup-bg, #1b1d21); color: var(--whosaid-popup-ink, #ffffff); border-radius: 8px;
  padding: 8px 11px; font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 6px 24px rgb(0 0 0 / 25%); }
[part~="popup"][hidden] { display: none; }
.who { display: block; font-weight: 650; }
.meta { opacity: .85; }
`;

const LIGHT_CSS = `
mark.whosaid-quote { background: var(--whosaid-quote-bg, #fdf0c2); color: inherit; border-bottom: 2px solid var(--whosaid-quote-edge, #c99a06); }
.whosaid-entity { text-decoration: underline 2px var(--whosaid-other, #6b7280); text-underline-offset: .22em; }
.whosaid-entity[data-type="PERSON"] { text-decoration-color: var(--whosaid-person, #1d5fd1); }
.whosaid-entity[data-type="ORG"] { text-decoration-color: var(--whosaid-org, #8a3fc7); }
.whosaid-entity[data-type="GPE"], .whosaid-entity[data-type="LOC"] { text-decoration-color: var(--whosaid-place, #0f7b5f); }
.whosaid-speaker { font-weight: var(--whosaid-speaker-weight, 650); }
.whosaid-cue { font-style: italic; }
mark.whosaid-quote:focus-visible { outline: 3px solid var(--whosaid-focus, #1d4ed8); outline-offset: 1px; }
.whosaid-popup { position: fixed; z-index: 2147483000; max-width: 320px; margin: 0; pointer-events: none;
  background: var(--whosaid-popup-bg, #1b1d21); color: var(--whosaid-popup-ink, #ffffff); border-radius: 8px;
  padding: 8px 11px; font: 13px/1.4 system-ui, sans-serif; box-shadow: 0 6px 24px rgb(0 0 0 / 25%); }
.whosaid-popup[hidden] { display: none; }
.whosaid-popup .who { display: block; font-weight: 650; }
.whosaid-popup .meta { opacity: .85; }
`;

let sharedAnalyzer = null;
let lightSheetAdded = false;
let popups = 0;

/** The engine for all elements: one worker, or the main thread if workers fail. */
async function runEngine(text) {
  if (sharedAnalyzer === null) {
    try {
      sharedAnalyzer = createAnalyzer();
    } catch {
      sharedAnalyzer = false;
    }
  }
  if (sharedAnalyzer) return sharedAnalyzer.analyze(text);
  await init();
  return analyze(text);
}

function sheet(css) {
  // NOTE: constructed stylesheets work under a CSP without 'unsafe-inline'.
  const s = new CSSStyleSheet();
  s.replaceSync(css);
  return s;
}

/** The <who-said> element class. */
export class WhoSaidElement extends HTMLElement {
  static observedAttributes = ['for'];

  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
    this.shadowRoot.adoptedStyleSheets = [sheet(SHADOW_CSS)];
    this._summary = document.createElement('p');
    this._summary.setAttribute('part', 'summary');
    this._summary.setAttribute('role', 'status');
    this._article = document.createElement('div');
    this._article.setAttribute('part', 'article');
    // Until the analysis is in, the element's own content shows as it is.
    this._article.appendChild(document.createElement('slot'));
    this.shadowRoot.append(this._summary, this._article);
    this._result = null;
    this._run = 0;
    this._popup = null;
    this._listening = null;
    /** Analyses a text instead of the shared worker when set: `(text) => Promise<Analysis>`. */
    this.engine = null;
  }

  /** The last result, or null. */
  get result() {
    return this._result;
  }

  connectedCallback() {
    queueMicrotask(() => this.refresh());
  }

  attributeChangedCallback(name, before, after) {
    if (this.isConnected && before !== after) this.refresh();
  }

  /** Analyses again (after the article changed); resolves with the result. */
  async refresh() {
    const run = ++this._run;
    const target = this._target();
    if (this.hasAttribute('for') && !target) return this._fail(new Error(`who-said: no element matches for="${this.getAttribute('for')}"`));
    if (target) unwrap(target);
    const { text, nodes } = textOfTree(target ?? this);
    const t0 = performance.now();
    let result;
    try {
      result = await (this.engine ? this.engine(text) : runEngine(text));
    } catch (error) {
      return this._fail(error);
    }
    if (run !== this._run) return null;
    const ms = performance.now() - t0;
    this._result = result;
    this._showSummary(result);
    if (target) this._highlightInPlace(target, text, nodes, result);
    else this._renderShadow(text, result);
    this._listen(target ?? this._article, !target);
    this.dispatchEvent(new CustomEvent('whosaid:analyzed', { detail: { result, text, ms }, bubbles: true, composed: true }));
    return result;
  }

  disconnectedCallback() {
    this._popup?.remove();
    this._popup = null;
  }

  /** The popup, in the tree of the marks it describes (aria-describedby cannot cross a shadow root). */
  _popupFor(inShadow) {
    const root = inShadow ? this.shadowRoot : document.body;
    if (this._popup && this._popup.getRootNode() === root.getRootNode() && this._popup.isConnected) return this._popup;
    this._popup?.remove();
    const popup = document.createElement('div');
    popup.id = `whosaid-popup-${++popups}`;
    popup.setAttribute('role', 'tooltip');
    popup.hidden = true;
    if (inShadow) popup.setAttribute('part', 'popup');
    else popup.className = 'whosaid-popup';
    root.append(popup);
    this._popup = popup;
    return popup;
  }

  /** Shows the popup of a quote on focus and hover; Escape, blur and leaving hide it. */
  _listen(container, inShadow) {
    if (this._listening === container) return;
    this._listening = container;
    const markOf = (node) => (node instanceof Element ? node.closest('mark[data-quote]') : null);
    const hide = () => { if (this._popup) this._popup.hidden = true; };
    const show = (event) => {
      const mark = markOf(event.target);
      const q = mark && this._result?.quotes[Number(mark.dataset.quote)];
      if (!q) return hide();
      this._showPopup(this._popupFor(inShadow), mark, q);
    };
    container.addEventListener('mouseover', show);
    container.addEventListener('focusin', show);
    container.addEventListener('mouseout', (e) => { if (!markOf(e.relatedTarget)) hide(); });
    container.addEventListener('focusout', hide);
    container.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  }

  _showPopup(popup, mark, q) {
    const who = document.createElement('span');
    who.className = 'who';
    who.textContent = speakerName(q, this._result);
    const meta = document.createElement('span');
    meta.className = 'meta';
    meta.textContent = [q.speaker && q.speaker.text !== q.speaker.name ? `as “${q.speaker.text}”` : null,
      q.cue ? `cue: “${q.cue.text}”` : 'no cue', q.kind === 'indirect' ? 'reported speech' : `${q.kind} quote`].filter(Boolean).join(' · ');
    popup.replaceChildren(who, meta);
    if (quoteParts(q).length > 1) {
      // A quote in parts: the popup gives it whole, the attribution left out.
      const whole = document.createElement('span');
      whole.className = 'who';
      whole.textContent = `“${quoteText(q)}”`;
      popup.append(whole);
    }
    popup.hidden = false;
    mark.setAttribute('aria-describedby', popup.id);
    const box = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const left = Math.min(Math.max(8, box.left), window.innerWidth - popup.offsetWidth - 8);
    const above = box.top - popup.offsetHeight - 8;
    popup.style.left = `${left}px`;
    popup.style.top = `${above > 8 ? above : box.bottom + 8}px`;
  }

  _target() {
    const selector = this.getAttribute('for');
    if (!selector) return null;
    const root = this.getRootNode();
    return (root.querySelector ? root : document).querySelector(selector);
  }

  _fail(error) {
    this._summary.textContent = `who-said: ${error.message}`;
    this.dispatchEvent(new CustomEvent('whosaid:error', { detail: { error }, bubbles: true, composed: true }));
    return null;
  }

  _showSummary(result) {
    const bySpeaker = new Map();
    for (const q of result.quotes) {
      const name = speakerName(q, result);
      bySpeaker.set(name, (bySpeaker.get(name) ?? 0) + 1);
    }
    const top = [...bySpeaker].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([n, c]) => `${n} (${c})`);
    const count = result.quotes.length;
    this._summary.textContent = count
      ? `${count} quote${count === 1 ? '' : 's'}: ${top.join(', ')}${bySpeaker.size > 5 ? ', …' : ''}`
      : 'No quotes found.';
  }

  _renderShadow(text, result) {
    const seen = new Set();
    const decorate = (el, layer, index) => decorateShadow(el, layer, index, result, seen);
    this._article.replaceChildren(...renderParagraphs(document, text, result, decorate));
  }

  _highlightInPlace(target, text, nodes, result) {
    if (!lightSheetAdded) {
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet(LIGHT_CSS)];
      lightSheetAdded = true;
    }
    const sweep = createSweep(result);
    const seen = new Set();
    const decorate = (el, layer, index) => decorateLight(el, layer, index, result, seen);
    for (const { node, start } of nodes) {
      const frag = document.createDocumentFragment();
      renderRange(document, sweep, frag, text, start, start + node.data.length, decorate, false);
      node.replaceWith(frag);
    }
  }
}

/**
 * A quote's speaker as a reader should see it: the entity's canonical name,
 * or for an unnamed speaker (no entity) the article's description marked as such.
 */
function speakerName(q, result) {
  const s = q.speaker;
  if (!s) return 'no speaker found';
  const entity = s.entity != null ? result.entities[s.entity] : null;
  return entity ? entity.name : `${s.name || s.text} (unnamed)`;
}

/** The first mark of each quote takes the keyboard focus (its popup describes it). */
function decorateQuote(el, index, seen) {
  if (seen.has(index)) return;
  seen.add(index);
  el.tabIndex = 0;
}

function decorateShadow(el, layer, index, result, seen) {
  if (layer === 'quote') {
    const q = result.quotes[index];
    el.setAttribute('part', `quote quote-${q.kind}`);
    decorateQuote(el, index, seen);
  } else if (layer === 'entity') {
    el.setAttribute('part', `entity entity-${result.entities[index].type}`);
  } else {
    el.setAttribute('part', layer);
  }
}

function decorateLight(el, layer, index, result, seen) {
  el.classList.add(`whosaid-${layer}`);
  if (layer === 'quote') decorateQuote(el, index, seen);
  if (layer === 'entity') el.dataset.type = result.entities[index].type;
}

/** Removes the wrappers of an earlier in-place run, so offsets are fresh. */
function unwrap(target) {
  const wrappers = target.querySelectorAll('.whosaid-quote, .whosaid-entity, .whosaid-speaker, .whosaid-cue');
  if (!wrappers.length) return;
  for (const el of [...wrappers].reverse()) el.replaceWith(...el.childNodes);
  target.normalize();
}

/**
 * Registers the element (as <who-said> unless another name is given).
 * Safe to call more than once.
 * @param {string} [tagName]
 */
export function defineWhoSaid(tagName = 'who-said') {
  if (!customElements.get(tagName)) customElements.define(tagName, class extends WhoSaidElement {});
  return customElements.get(tagName);
}
