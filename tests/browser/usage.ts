// A small program against the package's types, checked with `tsc --noEmit`
// by package.test.mjs. The @ts-expect-error lines fail the check if the
// types were loose (e.g. `any`).
import init, { analyze, createAnalyzer, type Analysis, type Quote, type EntityType } from 'whosaid';
import { defineWhoSaid, type WhoSaidElement } from 'whosaid/element';

export async function main(text: string): Promise<string[]> {
  await init();
  const result: Analysis = analyze(text, { offsets: 'codepoint' });
  const lines = result.quotes.map((q: Quote) => {
    const who: string = q.speaker?.name ?? 'unknown';
    const entity = q.speaker?.entity != null ? result.entities[q.speaker.entity] : null;
    const type: EntityType | undefined = entity?.type;
    return `${q.kind} ${who} ${type ?? ''} ${q.cue?.text ?? ''}: ${text.slice(q.start, q.end)}`;
  });
  const analyzer = createAnalyzer();
  const later = await analyzer.analyze(text, { onProgress: ({ done, total }) => console.log(done / total) });
  const v: string = await analyzer.version();
  lines.push(v);
  analyzer.terminate();
  lines.push(String(later.entities.length));

  // @ts-expect-error: the text must be a string
  analyze(42);
  // @ts-expect-error: not a quote kind
  if (result.quotes[0]?.kind === 'rumour') lines.push('never');
  // @ts-expect-error: not an offset unit
  analyze(text, { offsets: 'bytes' });
  return lines;
}

export function element(): WhoSaidElement {
  defineWhoSaid();
  const el = document.createElement('who-said');
  el.setAttribute('for', '#story');
  el.addEventListener('whosaid:analyzed', (e) => console.log(e.detail.result.quotes.length, e.detail.ms));
  // @ts-expect-error: result is read-only
  el.result = null;
  return el;
}
