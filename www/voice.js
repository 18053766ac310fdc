// Share of voice: who gets the words. One bar per speaker, as long as their
// quoted words (direct words solid, reported words hatched), with the counts
// written out; a bar is a button that filters like a speaker row. Plain
// elements and CSS (styles.css .voice), no chart library.
import { thousands } from './format.js';

/** Speakers drawn; the rest are summed in one row. */
const ROWS = 10;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function percent(part, whole) {
  return whole ? Math.round((100 * part) / whole) : 0;
}

/** One speaker's bar: a button with data-voice = the speaker key. */
function bar(row, max, total, colour, onPick) {
  const button = el('button', `voice-row ${colour}`);
  button.type = 'button';
  button.dataset.voice = row.key;
  button.setAttribute('aria-pressed', 'false');
  const head = el('span', 'voice-head');
  const name = el('span', 'voice-name');
  if (!row.key) name.textContent = 'No speaker found';
  else if (row.unnamed) name.append(el('em', null, row.label), ' ', el('span', 'tag', 'unnamed'));
  else name.textContent = row.label;
  const counts = el('span', 'voice-n', `${thousands(row.words)} words · ${percent(row.words, total)}%`);
  head.append(name, counts);
  const track = el('span', 'voice-track');
  track.setAttribute('aria-hidden', 'true');
  for (const kind of ['direct', 'reported']) {
    if (!row[kind]) continue;
    const seg = el('span', `seg ${kind}`);
    seg.style.width = `${(100 * row[kind]) / max}%`;
    track.append(seg);
  }
  const split = el('span', 'voice-split', `${thousands(row.direct)} direct, ${thousands(row.reported)} reported, in ${row.quotes} quote${row.quotes === 1 ? '' : 's'}`);
  button.append(head, track, split);
  button.addEventListener('click', () => onPick(row.key));
  return button;
}

/**
 * Draws `rows` (from shareOfVoice) into `root`; `colours` maps a speaker key
 * to its colour classes; `onPick(key)` is called when a bar is pressed.
 */
export function renderVoice(root, rows, colours, onPick) {
  const total = rows.reduce((n, r) => n + r.words, 0);
  if (!total) {
    root.replaceChildren(el('p', 'hint', 'No quoted words yet.'));
    return;
  }
  const max = Math.max(1, ...rows.map((r) => r.words));
  const list = el('ul', 'voice-list');
  for (const row of rows.slice(0, ROWS)) {
    const li = el('li');
    li.append(bar(row, max, total, colours.get(row.key) ?? 'sx', onPick));
    list.append(li);
  }
  const rest = rows.slice(ROWS);
  const parts = [el('p', 'voice-total', `${thousands(total)} quoted words: `)];
  parts[0].append(el('span', 'key-direct', 'direct'), ' in quotation marks, ', el('span', 'key-reported', 'reported'), ' in the reporter’s words.');
  parts.push(list);
  if (rest.length) {
    const words = rest.reduce((n, r) => n + r.words, 0);
    parts.push(el('p', 'hint', `and ${rest.length} more speaker${rest.length === 1 ? '' : 's'}: ${thousands(words)} words (${percent(words, total)}%)`));
  }
  root.replaceChildren(...parts);
}
