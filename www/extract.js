// The article in a web page: a saved .html file or a pasted whole page
// carries the site's menus, footer, related links, cookie banner and
// comments around the story. Mozilla's Readability (the code of Firefox's
// Reader View) finds the story, as a reader view does; when it finds none,
// or the HTML is a fragment with no page furniture (a copied selection of
// paragraphs), the whole text is kept. Readability is imported only here,
// on the first HTML, so a page that is only ever pasted plain text never
// downloads it.
import { parseHtml, textOfTree } from './pkg/dom-text.js';

/** Elements that only a whole page has around its article. */
const PAGE_FURNITURE = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [role="complementary"]';

let readability = null;

function loadReadability() {
  readability ??= import('./pkg/readability.js').then((m) => m.Readability);
  return readability;
}

function textOf(doc) {
  return textOfTree(doc.body ?? doc.documentElement, { collapse: true }).text;
}

/**
 * The text to analyse from `html`: { text, whole, extracted }. `whole` is
 * every visible text of the page; `text` is the article Readability found
 * (with its title as the first line) when `extracted`, else `whole`.
 * @param {string} html
 * @returns {Promise<{ text: string, whole: string, extracted: boolean }>}
 */
export async function articleFromHtml(html) {
  const doc = parseHtml(html);
  const whole = textOf(doc);
  if (!doc.querySelector(PAGE_FURNITURE)) return { text: whole, whole, extracted: false };
  let article = null;
  try {
    const Readability = await loadReadability();
    article = new Readability(doc).parse();
  } catch {
    article = null;
  }
  const body = article?.content ? textOf(parseHtml(article.content)) : '';
  if (!body.trim()) return { text: whole, whole, extracted: false };
  const title = (article.title ?? '').replace(/\s+/g, ' ').trim();
  const text = title && !body.startsWith(title) ? `${title}\n\n${body}` : body;
  return { text, whole, extracted: true };
}
