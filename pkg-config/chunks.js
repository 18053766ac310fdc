// Splitting a long text at paragraph breaks and merging the per-part results
// back into one result, so a worker can report progress on a large document
// and stay cancellable between parts. Pure functions, linear in the input.
//
// A part boundary never falls inside a paragraph when the text has paragraph
// breaks, so a quote and its speaker stay together; what is lost across a
// boundary is only a pronoun whose person was named in an earlier part.

/** Parts of about this many UTF-16 units; texts shorter than 1.5 parts are not split. */
export const PART_SIZE = 64 * 1024;

/**
 * The [start, end) ranges covering `text`, each ending at a paragraph break
 * (or a line break, a sentence end, a space, in that order of preference).
 * @param {string} text
 * @param {number} [size]
 * @returns {Array<[number, number]>}
 */
export function splitText(text, size = PART_SIZE) {
  const parts = [];
  let start = 0;
  while (text.length - start > size * 1.5) {
    const end = cutPoint(text, start + size, Math.min(text.length, start + size * 1.5));
    parts.push([start, end]);
    start = end;
  }
  parts.push([start, text.length]);
  return parts;
}

function cutPoint(text, from, to) {
  const window = text.slice(from, to);
  for (const re of [/\n\s*\n/, /\n/, /[.!?]["'\u201d\u2019]?\s/, /\s/]) {
    const m = re.exec(window);
    if (m) return from + m.index + m[0].length;
  }
  // No break at all: cut anywhere but inside a surrogate pair.
  const code = text.charCodeAt(from - 1);
  return code >= 0xd800 && code <= 0xdbff ? from + 1 : from;
}

/**
 * One result from the results of the parts: offsets shifted back into the
 * whole text, entities with the same type and name merged, speaker entity
 * indices renumbered.
 * @param {Array<{offset: number, result: {quotes: any[], entities: any[]}}>} parts
 */
export function mergeResults(parts) {
  if (parts.length === 1 && parts[0].offset === 0) return parts[0].result;
  const entities = [];
  const byKey = new Map();
  const quotes = [];
  for (const { offset, result } of parts) {
    const renumber = result.entities.map((entity) => {
      const key = `${entity.type}\u0000${entity.name}`;
      let index = byKey.get(key);
      if (index === undefined) {
        index = entities.length;
        byKey.set(key, index);
        entities.push({ ...entity, mentions: [] });
      }
      const merged = entities[index];
      if (merged.title == null && entity.title != null) merged.title = entity.title;
      for (const m of entity.mentions) merged.mentions.push(shift(m, offset));
      return index;
    });
    for (const q of result.quotes) {
      quotes.push({
        ...shift(q, offset),
        ...(q.parts ? { parts: q.parts.map((part) => shift(part, offset)) } : {}),
        cue: q.cue ? shift(q.cue, offset) : null,
        speaker: q.speaker
          ? { ...shift(q.speaker, offset), entity: q.speaker.entity == null ? null : renumber[q.speaker.entity] ?? null }
          : null,
      });
    }
  }
  return { quotes, entities };
}

function shift(span, offset) {
  return { ...span, start: span.start + offset, end: span.end + offset };
}
