// The side panels: share of voice and speakers (sorted by quote count, click
// to filter), the quote list (click to scroll the article to a quote) and the
// entities grouped by type (click to highlight the mentions). Built with
// createElement and textContent only. Each list is one Tab stop with arrow
// keys inside (keys.js).
import { quoteText } from './pkg/spans.js';
import { speakerOf, shareOfVoice } from './speakers.js';
import { renderVoice } from './voice.js';
import { rovingList } from './keys.js';
import { thousands } from './format.js';


/**
 * Twelve speaker colours, distinct in both schemes (styles.css s0..s11);
 * from the 13th speaker on, the colours come back with a pattern (p1:
 * stripes, p2: an outline, p3: both), so no two speakers look alike.
 */
const PALETTE = 12;
const PATTERNS = 3;

/** The classes of the speaker ranked `rank` (0 = most quoted). */
export function colourClass(rank) {
  const cycle = Math.min(PATTERNS, Math.floor(rank / PALETTE));
  return cycle ? `s${rank % PALETTE} p${cycle}` : `s${rank % PALETTE}`;
}
const LIST_CAP = 300;
const GROUP_CAP = 60;
const GROUPS = [
  ['People', ['PERSON']],
  ['Organisations', ['ORG']],
  ['Places', ['GPE', 'LOC']],
  ['Nationalities and groups', ['NORP']],
  ['Events', ['EVENT']],
  ['Dates and times', ['DATE', 'TIME']],
  ['Money and numbers', ['MONEY', 'PERCENT', 'CARDINAL']],
];
const KIND_LABEL = { direct: 'direct', partial: 'partial', mixed: 'mixed', indirect: 'reported' };

// NOTE: names are ordered without ICU when they can be: localeCompare's
// first call in a page loads the collation data, 10-25 ms of the page's
// thread on the way to the first result. In the root collation, which
// English uses, printable ASCII orders by ORDER (each character its own
// primary weight, letters regardless of case), then, between strings equal
// but for case, lower case first at the first difference. compareNames
// gave the sign of localeCompare on 600,000 random pairs in Chromium
// (tests/browser/page.test.mjs checks it again); other text and other
// browser languages go to localeCompare.
const ORDER = " _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
const RANK = new Uint8Array(128);
for (let i = 0; i < ORDER.length; i++) RANK[ORDER.charCodeAt(i)] = i;
for (let c = 65; c <= 90; c++) RANK[c] = RANK[c + 32];
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const ROOT_ORDER = /^en\b/i.test(globalThis.navigator?.language ?? '');

/** The order of `a.localeCompare(b)`, as -1, 0 or 1. */
export function compareNames(a, b) {
  if (!ROOT_ORDER || !PRINTABLE_ASCII.test(a) || !PRINTABLE_ASCII.test(b)) return Math.sign(a.localeCompare(b));
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = RANK[a.charCodeAt(i)] - RANK[b.charCodeAt(i)];
    if (d) return d < 0 ? -1 : 1;
  }
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x > y ? -1 : 1;
  }
  return 0;
}

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A speaker's name, or an unnamed speaker's description in italics with "unnamed" after it. */
export function speakerLabel(who, className = 'who') {
  const span = el('span', className);
  if (!who.key) span.textContent = 'No speaker found';
  else if (who.unnamed) {
    span.classList.add('unnamed');
    span.append(el('em', 'desc', who.label), ' ', el('span', 'tag', 'unnamed'));
  } else span.textContent = who.label;
  return span;
}

export class Panels {
  constructor(roots, view) {
    this.roots = roots;
    this.view = view;
    this.result = { quotes: [], entities: [] };
    this.colours = new Map();
    this.active = null;
    this.activeEntity = null;
    this.speakerOf = (i) => {
      const who = speakerOf(this.result.quotes[i], this.result.entities);
      return { ...who, colour: this.colours.get(who.key) ?? 'sx' };
    };
    this.labels = new Map();
    this.roving = {
      speakers: rovingList(roots.speakers, '[data-speaker]'),
      quotes: rovingList(roots.quotes, '[data-quote-item], .more'),
      entities: rovingList(roots.entities, '[data-entity-row]'),
      voice: rovingList(roots.voice, '[data-voice]'),
    };
  }

  show(text, result) {
    this.result = result;
    const speakers = this._speakers(result);
    this.colours = new Map(speakers.map((s, rank) => [s.key, s.key ? colourClass(rank) : 'sx']));
    this.labels = new Map(speakers.map((s) => [s.key, s]));
    if (this.active !== null && !this.colours.has(this.active)) this.active = null;
    this.activeEntity = null;
    this._renderSpeakers(speakers);
    renderVoice(this.roots.voice, shareOfVoice(result), this.colours, (key) => this.filter(this.active === key ? null : key));
    this._renderQuotes(result);
    this._renderEntities(result);
    for (const reset of Object.values(this.roving)) reset();
    document.getElementById('speaker-total').textContent = String(speakers.filter((s) => s.key).length);
    document.getElementById('quote-total').textContent = String(result.quotes.length);
    document.getElementById('entity-total').textContent = String(result.entities.length);
  }

  _speakers(result) {
    const byKey = new Map();
    for (const q of result.quotes) {
      const who = speakerOf(q, result.entities);
      let s = byKey.get(who.key);
      if (!s) {
        const entity = q.speaker?.entity != null ? result.entities[q.speaker.entity] : null;
        s = { ...who, count: 0, forms: new Set(), title: entity?.title ?? null };
        byKey.set(who.key, s);
      }
      s.count++;
      if (q.speaker && q.speaker.text !== who.label) s.forms.add(q.speaker.text);
    }
    // Most quoted first; the unattributed row last.
    return [...byKey.values()].sort((a, b) => (!a.key - !b.key) || b.count - a.count || compareNames(a.key, b.key));
  }

  _renderSpeakers(speakers) {
    const max = Math.max(1, ...speakers.map((s) => s.count));
    const items = speakers.slice(0, LIST_CAP).map((s) => {
      const button = el('button', `speaker ${this.colours.get(s.key)}`);
      button.type = 'button';
      button.dataset.speaker = s.key;
      if (!s.key) button.dataset.unattributed = '';
      button.setAttribute('aria-pressed', String(this.active === s.key));
      const name = speakerLabel(s, 'name');
      const sub = [s.title, s.forms.size ? `as ${[...s.forms].slice(0, 4).map((f) => `“${f}”`).join(', ')}` : null].filter(Boolean).join(' · ');
      if (sub) name.append(el('span', 'sub', sub));
      const bar = el('span', 'bar');
      bar.style.width = `${Math.round((100 * s.count) / max)}%`;
      name.append(bar);
      const n = el('span', 'n', String(s.count));
      n.setAttribute('aria-label', `${s.count} quote${s.count === 1 ? '' : 's'}`);
      button.append(el('span', 'dot'), name, n);
      button.addEventListener('click', () => this.filter(this.active === s.key ? null : s.key));
      const li = el('li');
      li.append(button);
      return li;
    });
    if (!items.length) items.push(el('li', 'hint', 'No quotes yet.'));
    this.roots.speakers.replaceChildren(...items);
  }

  _renderQuotes(result, cap = LIST_CAP) {
    const items = result.quotes.slice(0, cap).map((q, i) => {
      const { key, colour } = this.speakerOf(i);
      const button = el('button', `quote-item ${colour}`);
      button.type = 'button';
      button.dataset.quoteItem = String(i);
      button.dataset.speaker = key;
      const meta = el('span', 'quote-meta');
      meta.append(el('span', 'dot'), speakerLabel(this.speakerOf(i)), el('span', 'kind', KIND_LABEL[q.kind] ?? q.kind));
      if (q.cue) meta.append(el('span', 'cue', q.cue.text));
      button.append(meta, el('span', 'quote-text', quoteText(q)));
      button.addEventListener('click', () => this.view.scrollToQuote(i));
      const li = el('li');
      li.append(button);
      return li;
    });
    if (result.quotes.length > cap) {
      const more = el('button', 'button small more', `Show all ${thousands(result.quotes.length)} quotes`);
      more.type = 'button';
      more.addEventListener('click', () => {
        this._renderQuotes(result, Infinity);
        this.reapplyFilter();
        this.roots.quotes.querySelector(`[data-quote-item="${cap}"]`)?.focus();
      });
      items.push(more);
    }
    if (!result.quotes.length) items.push(el('li', 'hint', 'No quotes found.'));
    this.roots.quotes.replaceChildren(...items);
  }

  _renderEntities(result) {
    const groups = GROUPS.map(([label, types]) => {
      const members = result.entities
        .map((entity, index) => ({ entity, index }))
        .filter(({ entity }) => types.includes(entity.type))
        .sort((a, b) => b.entity.mentions.length - a.entity.mentions.length || compareNames(a.entity.name, b.entity.name));
      if (!members.length) return null;
      const section = el('section', 'entity-group');
      const heading = el('h3');
      const swatch = el('span', 'ent', label);
      swatch.dataset.type = types[0];
      heading.append(swatch, el('span', 'count-pill', String(members.length)));
      const list = el('ul');
      for (const { entity, index } of members.slice(0, GROUP_CAP)) list.append(this._entityItem(entity, index));
      section.append(heading, list);
      if (members.length > GROUP_CAP) section.append(el('p', 'hint', `and ${members.length - GROUP_CAP} more`));
      return section;
    }).filter(Boolean);
    if (!groups.length) groups.push(el('p', 'hint', 'No entities found.'));
    this.roots.entities.replaceChildren(...groups);
  }

  _entityItem(entity, index) {
    const button = el('button', 'entity');
    button.type = 'button';
    button.dataset.entityRow = String(index);
    button.dataset.type = entity.type;
    button.setAttribute('aria-pressed', 'false');
    button.append(el('span', 'name', entity.name));
    if (entity.title) button.append(' ', el('span', 'title', entity.title));
    const n = el('span', 'n', `×${entity.mentions.length}`);
    n.setAttribute('aria-label', `${entity.mentions.length} mention${entity.mentions.length === 1 ? '' : 's'}`);
    button.append(n);
    const aliases = [...new Set(entity.mentions.map((m) => m.text))].filter((t) => t !== entity.name);
    if (aliases.length) button.append(el('span', 'aka', `also ${aliases.slice(0, 4).join(', ')}`));
    button.addEventListener('click', () => {
      const on = this.activeEntity !== index;
      this.activeEntity = on ? index : null;
      for (const b of this.roots.entities.querySelectorAll('[aria-pressed="true"]')) b.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-pressed', String(on));
      this.view.highlightEntity(this.activeEntity);
    });
    const li = el('li');
    li.append(button);
    return li;
  }

  /** Shows only the quotes of speaker `key` ('' = without a speaker; null = all). */
  filter(key) {
    this.active = key;
    for (const b of this.roots.speakers.querySelectorAll('[data-speaker]')) {
      b.setAttribute('aria-pressed', String(b.dataset.speaker === key));
    }
    for (const b of this.roots.voice.querySelectorAll('[data-voice]')) {
      b.setAttribute('aria-pressed', String(b.dataset.voice === key));
    }
    this.reapplyFilter();
    // The filter's state shows above the article and, on a phone, in the sticky bar.
    const who = this.labels.get(key);
    const label = key === null ? '' : !key ? 'Showing quotes with no speaker found'
      : `Showing quotes by ${who?.unnamed ? `an unnamed speaker, “${who.label}”` : who?.label ?? key}`;
    for (const id of ['filter-note', 'bar-filter']) document.getElementById(id).hidden = key === null;
    for (const id of ['filter-label', 'bar-filter-label']) document.getElementById(id).textContent = label;
  }

  /** Applies the current filter to the article and the quote list. */
  reapplyFilter() {
    const key = this.active;
    for (const b of this.roots.quotes.querySelectorAll('[data-quote-item]')) {
      b.parentElement.hidden = key !== null && b.dataset.speaker !== key;
    }
    this.view.filter(key);
    this.roving.quotes();
  }
}
