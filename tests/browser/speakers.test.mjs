// The page's speaker naming, word counts, share of voice and "Copy quotes"
// lines (www/speakers.js), on made-up results. No DOM needed (it imports
// www/pkg/spans.js, which `make web` puts there before the browser tests).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countWords, quoteLines, shareOfVoice, speakerOf } from '../../www/speakers.js';

const span = (text) => ({ start: 0, end: text.length, text });
const entities = [{ type: 'PERSON', name: 'Ana Lucia Ferreira', title: null, mentions: [] }];
const quote = (text, kind, speaker) => ({ ...span(text), kind, cue: null, speaker });
const ana = (mention) => ({ ...span(mention), name: mention, entity: 0 });
const unnamed = (description) => ({ ...span(description), name: description, entity: null });

describe('speakers as the page shows them', () => {
  test('words: letters and digits, inner apostrophes, hyphens and points kept in one word', () => {
    assert.equal(countWords('We’re not going to re-open it, Māori elders said — $4.5 billion!'), 11);
    assert.equal(countWords(' … “” — '), 0);
  });

  test('a speaker with an entity is the entity; without one, an unnamed description', () => {
    assert.deepEqual(speakerOf(quote('x', 'direct', ana('she')), entities), { key: 'Ana Lucia Ferreira', label: 'Ana Lucia Ferreira', unnamed: false });
    assert.deepEqual(speakerOf(quote('x', 'direct', unnamed('officials')), entities), { key: 'officials', label: 'officials', unnamed: true });
    assert.deepEqual(speakerOf(quote('x', 'direct', null), entities), { key: '', label: '', unnamed: false });
  });

  test('share of voice sums words per entity, direct (direct, partial) and reported (indirect, mixed)', () => {
    const p1 = { start: 0, end: 8, text: 'We will,' };
    const p2 = { start: 20, end: 33, text: 'win the vote.' };
    const result = {
      entities,
      quotes: [
        { ...quote('We will, … win the vote.', 'direct', ana('Ferreira')), parts: [p1, p2] },
        quote('a disgrace', 'partial', ana('she')),
        quote('the plan would fail because of "bad maths"', 'mixed', ana('Ana Lucia Ferreira')),
        quote('roads close at noon', 'indirect', unnamed('a police spokesman')),
        quote('nobody knows', 'direct', null),
      ],
    };
    assert.deepEqual(shareOfVoice(result).map(({ key, direct, reported, quotes, unnamed: u }) => [key, direct, reported, quotes, u]), [
      ['Ana Lucia Ferreira', 7, 8, 3, false],
      ['a police spokesman', 0, 4, 1, true],
      ['', 2, 0, 1, false],
    ]);
    assert.equal(quoteLines(result).split('\n')[0], 'Ana Lucia Ferreira: “We will, … win the vote.”');
    assert.equal(quoteLines(result).split('\n')[3], 'A police spokesman: “roads close at noon”');
    assert.equal(quoteLines(result).split('\n')[4], 'Unknown speaker: “nobody knows”');
  });
});
