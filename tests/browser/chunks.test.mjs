// The worker's splitting of long texts and merging of the parts' results
// (pkg-config/chunks.js), on small made-up texts with a small part size.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mergeResults, splitText } from '../../pkg-config/chunks.js';

describe('long texts in parts', () => {
  test('parts cover the text and end at paragraph breaks', () => {
    const text = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} says a few words here.`).join('\n\n');
    const parts = splitText(text, 100);
    assert.ok(parts.length > 5);
    assert.equal(parts[0][0], 0);
    assert.equal(parts.at(-1)[1], text.length);
    for (let i = 1; i < parts.length; i++) {
      assert.equal(parts[i][0], parts[i - 1][1], 'no gap, no overlap');
      assert.match(text.slice(parts[i][0] - 2, parts[i][0]), /\n\n$/, 'cut after a blank line');
    }
  });

  test('a short text is one part; a text without breaks is cut outside surrogate pairs', () => {
    assert.deepEqual(splitText('short', 100), [[0, 5]]);
    const emoji = '😀'.repeat(200);
    for (const [start] of splitText(emoji, 51)) assert.equal(start % 2, 0);
  });

  test('merging shifts offsets, joins entities by type and name, renumbers speakers', () => {
    const span = (start, end, text) => ({ start, end, text });
    const a = {
      quotes: [{ ...span(1, 5, 'aaaa'), kind: 'direct', cue: span(7, 11, 'said'), speaker: { ...span(12, 15, 'Ann'), name: 'Ann Lee', entity: 1 } }],
      entities: [{ type: 'GPE', name: 'Oslo', title: null, mentions: [span(20, 24, 'Oslo')] },
        { type: 'PERSON', name: 'Ann Lee', title: null, mentions: [span(12, 15, 'Ann')] }],
    };
    const b = {
      quotes: [{ ...span(0, 3, 'bbb'), kind: 'indirect', cue: null, speaker: { ...span(4, 6, 'he'), name: 'Ann Lee', entity: 0 } }],
      entities: [{ type: 'PERSON', name: 'Ann Lee', title: 'Mayor', mentions: [span(8, 11, 'Lee')] }],
    };
    const merged = mergeResults([{ offset: 0, result: a }, { offset: 100, result: b }]);
    assert.equal(merged.entities.length, 2);
    assert.deepEqual(merged.entities[1], { type: 'PERSON', name: 'Ann Lee', title: 'Mayor', mentions: [span(12, 15, 'Ann'), span(108, 111, 'Lee')] });
    assert.deepEqual(merged.quotes[1], { ...span(100, 103, 'bbb'), kind: 'indirect', cue: null, speaker: { ...span(104, 106, 'he'), name: 'Ann Lee', entity: 1 } });
    assert.equal(merged.quotes[0].speaker.entity, 1);
  });

  test('merging shifts the parts of a quote interrupted by its attribution', () => {
    // "We will," he said, "win."  -> parts "We will," and "win." (offsets in the part).
    const text = '\u201cWe will,\u201d he said, \u201cwin.\u201d';
    const part = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length, text: s });
    const q = { start: 1, end: part('win.').end, text: 'We will, … win.', parts: [part('We will,'), part('win.')],
      kind: 'direct', cue: part('said'), speaker: { ...part('he'), name: 'he', entity: null } };
    const plain = { start: 0, end: 4, text: 'abcd', kind: 'indirect', cue: null, speaker: null };
    const merged = mergeResults([{ offset: 0, result: { quotes: [plain], entities: [] } }, { offset: 1000, result: { quotes: [q], entities: [] } }]);
    const shifted = merged.quotes[1];
    assert.deepEqual(shifted.parts.map((p) => [p.start - 1000, p.end - 1000, p.text]), q.parts.map((p) => [p.start, p.end, p.text]));
    assert.equal(shifted.start, 1001);
    assert.equal(shifted.parts.at(-1).end, shifted.end);
    assert.equal(merged.quotes[0].parts, undefined, 'a quote without parts stays without');
  });
});
