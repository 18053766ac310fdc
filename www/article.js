// The analysed article: paragraphs with quotes (<mark data-quote>) coloured
// by speaker, entity mentions (data-entity) underlined by type, and a tooltip
// naming the speaker and cue on hover or focus. A quote interrupted by its
// attribution is one <mark> per part, the attribution between them left
// plain. The quotes are one Tab stop: arrow keys move from quote to quote.
// Long articles are rendered a slice at a time so the page keeps answering.
import { renderParagraphs } from './pkg/spans.js';
import { rovingList } from './keys.js';

const SLICE_MS = 12;
/**
 * Shorter texts are drawn in one go. NOTE: a news article takes a few
 * milliseconds, but on a loaded machine the first one can take more than a
 * slice, and yielding then let the browser lay out and paint a partly drawn
 * article (20-30 ms) before finishing it.
 */
const SLICE_ABOVE = 30_000;

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

export class ArticleView {
  constructor(root, tooltip) {
    this.root = root;
    this.tooltip = tooltip;
    this.result = { quotes: [], entities: [] };
    this.speakerOf = () => null;
    this.focused = null;
    this.rove = rovingList(root, 'mark[data-first]');
    /** Called before scrolling to a quote or a mention (the page shows the article view). */
    this.reveal = () => {};
    root.addEventListener('mouseover', (e) => this._hover(e.target));
    root.addEventListener('mouseout', (e) => {
      if (!e.relatedTarget || !this._markOf(e.relatedTarget)) this._hideTip();
    });
    root.addEventListener('focusin', (e) => this._hover(e.target));
    root.addEventListener('focusout', () => this._hideTip());
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this._hideTip();
    });
    window.addEventListener('scroll', () => this._hideTip(), { passive: true });
  }

  /**
   * Renders `text` with `result`; `speakerOf(i)` gives quote i's speaker
   * {key, colour}. Resolves false when `signal` aborts first.
   */
  async show(text, result, speakerOf, signal, onProgress = () => {}) {
    this.result = result;
    this.speakerOf = speakerOf;
    this._hideTip();
    this.root.replaceChildren();
    if (!text.trim()) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'Paste an article above, or try the sample, to see its quotes here.';
      this.root.append(p);
      return true;
    }
    const firstMark = new Set();
    const decorate = (el, layer, index) => {
      if (layer === 'quote') {
        const q = result.quotes[index];
        el.className = `${speakerOf(index)?.colour ?? 'sx'} kind-${q.kind}`;
        if (!firstMark.has(index)) {
          firstMark.add(index);
          el.tabIndex = -1;
          el.dataset.first = '';
        }
      } else if (layer === 'entity') {
        el.dataset.type = result.entities[index]?.type ?? '';
      }
    };
    const total = Math.max(1, text.length);
    let fragment = document.createDocumentFragment();
    let sliceStart = performance.now();
    let first = true;
    for (const p of renderParagraphs(document, text, result, decorate)) {
      // A short first line that is not a sentence reads as the headline.
      if (first && p.textContent.length < 160 && !/[.:”"]$/.test(p.textContent)) p.classList.add('headline');
      first = false;
      fragment.append(p);
      if (text.length > SLICE_ABOVE && performance.now() - sliceStart > SLICE_MS) {
        this.root.append(fragment);
        fragment = document.createDocumentFragment();
        onProgress(Number(p.dataset.start) / total);
        await nextTask();
        if (signal?.aborted) return false;
        sliceStart = performance.now();
      }
    }
    this.root.append(fragment);
    this.rove();
    onProgress(1);
    return true;
  }

  /** The marks of quote `index`, in order. */
  marks(index) {
    return this.root.querySelectorAll(`mark[data-quote="${Number(index)}"]`);
  }

  /** Scrolls to quote `index`, focuses it and flashes it. */
  scrollToQuote(index) {
    const marks = this.marks(index);
    const first = marks[0];
    if (!first) return;
    this.reveal();
    first.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
    first.focus({ preventScroll: true });
    for (const m of marks) {
      m.classList.remove('flash');
      void m.offsetWidth; // restart the animation
      m.classList.add('flash');
    }
  }

  /** Dims every quote whose speaker key is not `key` (null shows all). */
  filter(key) {
    for (const m of this.root.querySelectorAll('mark[data-quote]')) {
      const dim = key !== null && this.speakerOf(Number(m.dataset.quote))?.key !== key;
      m.classList.toggle('dim', dim);
    }
    this.rove();
  }

  /** Marks the mentions of entity `index` (null clears); returns how many. */
  highlightEntity(index) {
    for (const el of this.root.querySelectorAll('[data-entity].hl')) el.classList.remove('hl');
    if (index === null) return 0;
    const els = this.root.querySelectorAll(`[data-entity="${Number(index)}"]`);
    for (const el of els) el.classList.add('hl');
    if (els.length) this.reveal();
    els[0]?.scrollIntoView({ block: 'center' });
    return els.length;
  }

  _markOf(node) {
    return node instanceof Element ? node.closest('mark[data-quote]') : null;
  }

  _hover(target) {
    const mark = this._markOf(target);
    if (!mark || mark.classList.contains('dim')) return this._hideTip();
    const q = this.result.quotes[Number(mark.dataset.quote)];
    if (!q) return this._hideTip();
    const tip = this.tooltip;
    const name = document.createElement('span');
    name.className = 'tt-name';
    const who = this.speakerOf(Number(mark.dataset.quote)) ?? {};
    name.textContent = !who.key ? 'No speaker found' : who.unnamed ? `${who.label} (unnamed)` : who.label;
    const meta = document.createElement('span');
    meta.className = 'tt-meta';
    const bits = [];
    if (q.speaker && q.speaker.text && q.speaker.text !== who.label) bits.push(`as “${q.speaker.text}”`);
    bits.push(q.cue ? `cue: “${q.cue.text}”` : 'no cue');
    bits.push(q.kind === 'indirect' ? 'reported speech' : `${q.kind} quote`);
    meta.textContent = bits.join(' · ');
    tip.replaceChildren(name, meta);
    tip.hidden = false;
    mark.setAttribute('aria-describedby', tip.id);
    const box = mark.getClientRects()[0] ?? mark.getBoundingClientRect();
    const width = tip.offsetWidth;
    const left = Math.min(Math.max(8, box.left), window.innerWidth - width - 8);
    const above = box.top - tip.offsetHeight - 8;
    tip.style.left = `${left}px`;
    tip.style.top = `${above > 8 ? above : box.bottom + 8}px`;
  }

  _hideTip() {
    this.tooltip.hidden = true;
  }
}
