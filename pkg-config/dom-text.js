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
 * `html` without what must never reach a parser under a strict Content
 * Security Policy: `style` and `on*` attributes (Chromium reports each one it
 * refuses, even in an inert DOMParser document), <script> and <style>
 * elements, and comments. An element styled `display:none` or
 * `visibility:hidden` keeps a `data-whosaid-hidden` marker instead, so
 * `parseHtml` can drop it. A small lexer over tags and attributes, linear in
 * the input; text between tags is copied as it is.
 * @param {string} html
 * @returns {string}
 */
export function stripHtml(html) {
  const out = [];
  const n = html.length;
  let lower = null;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const tag = /^<([a-zA-Z][^\s/>]*)/.exec(html.slice(i, i + 80));
    if (!tag) {
      out.push('<');
      i++;
      continue;
    }
    const name = tag[1].toLowerCase();
    const { end, attrs } = readAttributes(html, i + tag[0].length);
    if (name === 'script' || name === 'style') {
      // Raw text up to the closing tag, dropped with the element.
      lower ??= html.toLowerCase();
      const close = lower.indexOf(`</${name}`, end);
      const gt = close < 0 ? -1 : html.indexOf('>', close);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    out.push(`<${tag[1]}${attrs}>`);
    i = end;
  }
  return out.join('');
}

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i;

/** Reads a tag's attributes from `pos`; returns where the tag ends and the attributes kept, re-quoted. */
function readAttributes(html, pos) {
  const n = html.length;
  let attrs = '';
  let i = pos;
  while (i < n) {
    while (i < n && /[\s/]/.test(html[i])) i++;
    if (i >= n || html[i] === '>') return { end: Math.min(n, i + 1), attrs };
    const nameStart = i;
    while (i < n && !/[\s/>=]/.test(html[i])) i++;
    const name = html.slice(nameStart, i).toLowerCase();
    let j = i;
    while (j < n && /\s/.test(html[j])) j++;
    let value = null;
    if (html[j] === '=') {
      j++;
      while (j < n && /\s/.test(html[j])) j++;
      const q = html[j];
      if (q === '"' || q === "'") {
        const close = html.indexOf(q, j + 1);
        const stop = close < 0 ? n : close;
        value = html.slice(j + 1, stop);
        i = stop + 1;
      } else {
        const start = j;
        while (j < n && !/[\s>]/.test(html[j])) j++;
        value = html.slice(start, j);
        i = j;
      }
    }
    if (name === 'style') {
      if (value && HIDDEN_STYLE.test(value)) attrs += ' data-whosaid-hidden';
    } else if (!name.startsWith('on') && name) {
      attrs += value === null ? ` ${name}` : ` ${name}="${value.replace(/"/g, '&quot;')}"`;
    }
  }
  return { end: n, attrs };
}

/**
 * An inert document of `html` after `stripHtml`, without its hidden elements
 * (`hidden`, `aria-hidden="true"`, or styled hidden). Nothing in it loads or runs.
 * @param {string} html
 * @returns {Document}
 */
export function parseHtml(html) {
  const doc = new DOMParser().parseFromString(stripHtml(html), 'text/html');
  for (const el of doc.querySelectorAll('[hidden], [aria-hidden="true"], [data-whosaid-hidden]')) el.remove();
  return doc;
}

/**
 * Plain text from an HTML string (e.g. the clipboard's text/html), with
 * paragraphs kept; hidden elements, styles and scripts left out.
 * @param {string} html
 */
export function htmlToText(html) {
  const doc = parseHtml(html);
  return textOfTree(doc.body ?? doc.documentElement, { collapse: true }).text;
}
