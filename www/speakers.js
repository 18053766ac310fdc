// Who a quote is by, as the page names and groups speakers, and how many
// quoted words each speaker gets. A speaker with an entity is grouped by that
// entity (what the engine's person model merged: "Luis Ortega", "Ortega" and
// "he" are one row) and named by its canonical name; a speaker without one is
// an unnamed speaker the article describes ("a police spokesman",
// "officials"), shown as that description, never as a name.
import { quoteParts, quoteText } from './pkg/spans.js';

/**
 * The speaker of quote `q` as the page shows it: `key` groups quotes ('' when
 * there is no speaker), `label` is what is written, `unnamed` marks a description.
 * @returns {{ key: string, label: string, unnamed: boolean }}
 */
export function speakerOf(q, entities) {
  const s = q?.speaker;
  if (!s) return { key: '', label: '', unnamed: false };
  const entity = s.entity != null ? entities[s.entity] : null;
  if (entity) return { key: entity.name, label: entity.name, unnamed: false };
  const label = s.name || s.text;
  return { key: label, label, unnamed: true };
}

/** The key a quote's speaker is grouped under ('' when there is none). */
export function speakerKey(q, entities) {
  return speakerOf(q, entities).key;
}

/** `label` with a capital first letter (for "A police spokesman: …" at a line's start). */
export function capitalised(label) {
  return label ? label[0].toUpperCase() + label.slice(1) : label;
}

const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** How many words `text` has (letters and digits, with inner apostrophes and hyphens). */
export function countWords(text) {
  return text.match(WORD)?.length ?? 0;
}

/**
 * Direct words are in quotation marks (direct and partial quotes); reported
 * words are the speaker's words as the reporter gives them (indirect and
 * mixed quotes: reported speech, even with a quoted fragment inside).
 */
export function isDirect(q) {
  return q.kind === 'direct' || q.kind === 'partial';
}

/**
 * Quoted words per speaker, most words first: [{ key, label, unnamed,
 * direct, reported, words, quotes }]. Quotes with no speaker are one row
 * with key ''.
 */
export function shareOfVoice(result) {
  const rows = new Map();
  for (const q of result.quotes) {
    const who = speakerOf(q, result.entities);
    let row = rows.get(who.key);
    if (!row) rows.set(who.key, (row = { ...who, direct: 0, reported: 0, words: 0, quotes: 0 }));
    const n = quoteParts(q).reduce((sum, part) => sum + countWords(part.text), 0);
    if (isDirect(q)) row.direct += n;
    else row.reported += n;
    row.words += n;
    row.quotes++;
  }
  return [...rows.values()].sort((a, b) => (!a.key - !b.key) || b.words - a.words || b.quotes - a.quotes);
}

/** `Name: "quote"` lines, one per quote, for pasting into a story. */
export function quoteLines(result) {
  return result.quotes.map((q) => {
    const who = speakerOf(q, result.entities);
    return `${who.key ? capitalised(who.label) : 'Unknown speaker'}: “${quoteText(q)}”`;
  }).join('\n') + (result.quotes.length ? '\n' : '');
}
