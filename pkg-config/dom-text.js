// The text of a DOM subtree as an article: paragraphs (block elements, <br>)
// become line breaks, scripts and styles are skipped. Used to read a host
// page's article for <who-said for="..."> and, with `collapse`, to turn
// pasted HTML into clean plain text. Reads text only; never creates markup.

const BLOCK = new Set(['ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TR', 'UL', 'CAPTION', 'TBODY', 'THEAD']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'SVG', 'svg', 'CANVAS',
  'HEAD', 'TITLE', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'WHO-SAID']);

/**
 * Walks `root` in document order. Returns the text and, for each text node
 * used, where its data starts in the text (text nodes are copied verbatim
 * unless `collapse` is set, so offsets map back to nodes exactly).
 * @param {Node} root
 * @param {{ collapse?: boolean }} [options]
 * @returns {{ text: string, nodes: Array<{ node: Text, start: number }> }}
 */
export function textOfTree(root, { collapse = false } = {}) {
  const parts = [];
  const nodes = [];
  let length = 0;
  let pendingBreak = '';
  const push = (s) => {
    if (pendingBreak && length > 0) {
      parts.push(pendingBreak);
      length += pendingBreak.length;
    }
    pendingBreak = '';
    parts.push(s);
    length += s.length;
  };
  const breakWith = (s) => {
    if (s.length > pendingBreak.length) pendingBreak = s;
  };
  const walk = (node, pre) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        let data = child.data;
        if (collapse && !pre) data = data.replace(/\s+/g, ' ');
        if (collapse && !pre && (length === 0 || pendingBreak || /\s$/.test(parts[parts.length - 1] ?? ''))) data = data.replace(/^ /, '');
        if (!data) continue;
        if (!collapse) nodes.push({ node: child, start: length + (pendingBreak && length > 0 ? pendingBreak.length : 0) });
        push(data);
      } else if (child.nodeType === 1) {
        const name = child.nodeName.toUpperCase();
        if (SKIP.has(name) || SKIP.has(child.nodeName)) continue;
        if (name === 'BR') { breakWith('\n'); continue; }
        const block = BLOCK.has(name);
        if (block) breakWith('\n\n');
        walk(child, pre || name === 'PRE');
        if (block) breakWith('\n\n');
        else if (name === 'TD' || name === 'TH') breakWith('\t');
      }
    }
  };
  walk(root, false);
  let text = parts.join('');
  if (collapse) text = text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  return { text, nodes };
}

/**
 * Plain text from an HTML string (e.g. the clipboard's text/html), with
 * paragraphs kept. DOMParser documents are inert: nothing loads or runs.
 * @param {string} html
 */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return textOfTree(doc.body ?? doc.documentElement, { collapse: true }).text;
}
