// The page's controller: takes text in (typing, paste, file drop, sample),
// runs the engine in a Web Worker (./pkg, the npm package's own code), and
// hands the result to the article view and the panels. Only text nodes and
// textContent ever carry article text into the page.
// The page talks to the engine only through its worker, so it loads the
// worker helper alone, not the engine's own module.
import { createAnalyzer } from './pkg/analyzer.js';
import { ArticleView } from './article.js';
import { Panels } from './panels.js';
import { thousands } from './format.js';
import { setupExport } from './export.js';

const $ = (id) => document.getElementById(id);
const input = $('input');
const status = $('status');
const progress = $('progress');
const DEBOUNCE_MS = 350;
/** Above this many characters the textarea shows only the start (laying out 1 MB in a textarea freezes a page). */
const LARGE = 200_000;
const PREVIEW = 20_000;

// The engine's worker was started early by boot.js when it could be.
// NOTE: the page runs as one bundled file (app.bundle.js, beside this one), in
// which analyzer.js's own import.meta.url is the bundle's: name the worker's URL.
const analyzer = createAnalyzer(window.whosaidWorker ? { worker: window.whosaidWorker } : { workerUrl: new URL('./pkg/worker.js', import.meta.url) });
const view = new ArticleView($('article'), $('tooltip'));
const panels = new Panels({ speakers: $('speakers'), quotes: $('quotes'), entities: $('entities'), voice: $('voice') }, view);
// On a phone (one column) the sections are views picked in the sticky bar;
// going to a quote or a mention shows the article first.
view.reveal = () => showView('article');
/** The latest { text, result } shown, for export. */
const shown = { text: '', result: null };
setupExport(() => shown, $('export-status'));

let timer = 0;
let running = null;
/** The whole text when it is too large for the textarea, else null. */
let largeText = null;

/** The text to analyse. */
function currentText() {
  return largeText ?? input.value;
}

/** The whole page's text while an extracted article is shown (for "Use the whole page"), else null. */
let wholePage = null;

/** Sets the article text: large texts are kept aside and previewed read-only. */
function setText(text, whole = null) {
  wholePage = whole;
  $('extract-note').hidden = whole === null;
  const large = text.length > LARGE;
  largeText = large ? text : null;
  input.value = large ? `${text.slice(0, PREVIEW)}\n\n[…]` : text;
  input.readOnly = large;
  $('large-note').hidden = !large;
  if (large) $('large-size').textContent = `${(text.length / 1e6).toFixed(2)} million characters`;
}

/** Analyses the textarea's text after `delay` ms (later calls reset the wait). */
function schedule(delay = DEBOUNCE_MS) {
  clearTimeout(timer);
  timer = setTimeout(run, delay);
}

async function run() {
  running?.abort();
  const controller = new AbortController();
  running = controller;
  const text = currentText();
  if (!text.trim()) {
    showStatus('Paste an article to begin.');
    progress.hidden = true;
    show(text, { quotes: [], entities: [] });
    return;
  }
  const t0 = performance.now();
  showStatus(`Analysing ${thousands(text.length)} characters…`);
  progress.hidden = text.length < 150_000;
  progress.value = 0;
  let result;
  try {
    result = await analyzer.analyze(text, {
      signal: controller.signal,
      onProgress: ({ done, total }) => {
        progress.hidden = false;
        progress.value = 0.8 * (done / total);
        showStatus(`Analysing… ${Math.round((100 * done) / total)}%`);
      },
    });
  } catch (error) {
    if (error.name === 'AbortError') return;
    progress.hidden = true;
    showStatus(`Could not analyse this text: ${error.message}`, true);
    return;
  }
  const ms = performance.now() - t0;
  const rendered = await show(text, result, controller.signal);
  if (!rendered || controller.signal.aborted) return;
  progress.hidden = true;
  document.body.dataset.state = 'done';
  showSummary(text, result, ms);
  setTimeout(registerServiceWorker, 0);
}

/** Renders a result; resolves false if a newer analysis took over. */
async function show(text, result, signal) {
  shown.text = text;
  shown.result = result;
  document.body.dataset.state = 'rendering';
  for (const b of document.querySelectorAll('.export button')) b.disabled = !result.quotes.length && !result.entities.length;
  $('copy-quotes').disabled = !result.quotes.length;
  panels.show(text, result);
  const done = await view.show(text, result, panels.speakerOf, signal, (fraction) => {
    if (!progress.hidden) progress.value = 0.8 + 0.2 * fraction;
  });
  if (done) panels.reapplyFilter();
  return done;
}

function showSummary(text, result, ms) {
  const speakers = new Set(result.quotes.filter((q) => q.speaker).map((q) => q.speaker.name || q.speaker.text)).size;
  const counts = [count(result.quotes.length, 'quote'), count(speakers, 'speaker'), count(result.entities.length, 'entity', 'entities')];
  status.classList.remove('error');
  const strong = document.createElement('strong');
  strong.textContent = counts.join(' · ');
  status.replaceChildren(strong, ` in ${thousands(text.length)} characters, analysed in ${formatMs(ms)} on this device.`);
  status.dataset.ms = String(Math.round(ms));
}

function count(n, word, plural = `${word}s`) {
  return `${thousands(n)} ${n === 1 ? word : plural}`;
}

function formatMs(ms) {
  return ms < 1000 ? `${Math.max(1, Math.round(ms))} ms` : `${(ms / 1000).toFixed(1)} s`;
}

function showStatus(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('error', isError);
}

/** Puts pasted text into the textarea at the selection and analyses at once. */
function insertText(text) {
  if (largeText !== null) {
    // The preview cannot be edited: a paste there starts a new article.
    setText(text);
  } else if (input.value.length + text.length > LARGE) {
    setText(input.value.slice(0, input.selectionStart) + text + input.value.slice(input.selectionEnd));
  } else {
    input.focus();
    input.setRangeText(text, input.selectionStart, input.selectionEnd, 'end');
  }
  schedule(0);
}

input.addEventListener('input', () => {
  // Once the extracted article is edited, going back to the whole page would lose the edits.
  if (wholePage !== null) {
    wholePage = null;
    $('extract-note').hidden = true;
  }
  schedule();
});
/**
 * Clean text from HTML: the article Readability finds in a whole page, or all
 * the text of a fragment (extract.js, loaded on first use). It is never rendered.
 */
async function fromHtml(html) {
  const { articleFromHtml } = await import('./extract.js');
  const { text, whole, extracted } = await articleFromHtml(html);
  const clean = (s) => s.replace(/\r\n?/g, '\n');
  return { text: clean(text), whole: extracted ? clean(whole) : null };
}

input.addEventListener('paste', async (event) => {
  const data = event.clipboardData;
  if (!data) return;
  const html = data.getData('text/html');
  const plain = data.getData('text/plain');
  event.preventDefault();
  if (!html) {
    insertText(plain.replace(/\r\n?/g, '\n'));
    return;
  }
  const { text, whole } = await fromHtml(html).catch(() => ({ text: '', whole: null }));
  if (whole !== null) {
    // A whole page: its article replaces the box, with a way back to everything.
    setText(text, whole);
    schedule(0);
  } else insertText(text || plain.replace(/\r\n?/g, '\n'));
});

async function readFile(file) {
  const isHtml = /\.html?$/i.test(file.name) || file.type === 'text/html';
  const isText = /\.txt$/i.test(file.name) || file.type === 'text/plain';
  if (!isHtml && !isText) {
    showStatus(`${file.name} is not a .txt or .html file.`, true);
    return;
  }
  const raw = await file.text();
  if (isHtml) {
    const { text, whole } = await fromHtml(raw);
    setText(text, whole);
  } else setText(raw.replace(/\r\n?/g, '\n'));
  schedule(0);
}

const card = $('input-card');
card.addEventListener('dragover', (event) => {
  event.preventDefault();
  card.classList.add('dragging');
});
card.addEventListener('dragleave', (event) => {
  if (!card.contains(event.relatedTarget)) card.classList.remove('dragging');
});
card.addEventListener('drop', (event) => {
  event.preventDefault();
  card.classList.remove('dragging');
  const file = event.dataTransfer?.files?.[0];
  if (file) readFile(file);
});
$('file').addEventListener('change', (event) => {
  const file = event.target.files?.[0];
  if (file) readFile(file);
  event.target.value = '';
});
$('sample').addEventListener('click', async () => {
  let text;
  try {
    const response = await fetch('sample.txt');
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    text = await response.text();
  } catch (error) {
    showStatus(`Could not load the sample article: ${error.message}.`, true);
    return;
  }
  setText(text);
  schedule(0);
});
$('extract-whole').addEventListener('click', () => {
  if (wholePage === null) return;
  setText(wholePage);
  schedule(0);
});
$('clear').addEventListener('click', () => {
  setText('');
  input.focus();
  schedule(0);
});
$('large-edit').addEventListener('click', () => {
  const text = largeText ?? input.value;
  largeText = null;
  input.readOnly = false;
  input.value = text;
  $('large-note').hidden = true;
  input.focus();
});
$('filter-clear').addEventListener('click', () => panels.filter(null));
$('bar-filter-clear').addEventListener('click', () => panels.filter(null));

/** Shows one section on a phone: 'article', 'speakers', 'quotes' or 'people'. */
function showView(name) {
  if (document.body.dataset.view === name) return;
  document.body.dataset.view = name;
  for (const tab of document.querySelectorAll('.bar-tab')) tab.setAttribute('aria-pressed', String(tab.dataset.view === name));
}
for (const tab of document.querySelectorAll('.bar-tab')) {
  tab.addEventListener('click', () => {
    showView(tab.dataset.view);
    window.scrollTo({ top: 0 });
  });
}
// A skip link to the findings on a phone shows them.
$('findings').addEventListener('focus', () => {
  if (document.body.dataset.view === 'article') showView('speakers');
});

// Warm the engine up and show its version.
analyzer.analyze('').then(
  () => {
    if (!input.value) showStatus('Ready. Paste an article, open a file, or try the sample.');
    document.body.dataset.engine = 'ready';
    setTimeout(registerServiceWorker, 1000);
  },
  (error) => {
    showStatus(`The engine could not start: ${error.message}`, true);
    registerServiceWorker();
  },
);
analyzer.version().then((v) => { $('version').textContent = `v${v}`; }, () => {});
if (input.value) schedule(0);

// Offline after the first visit; the service worker only ever fetches this site's own files.
// NOTE: registered only after the first result is shown (or, with nothing to
// analyse, a while after the engine is ready): installing it fetches every
// file of the site again, the wasm too, and on a first visit that competed
// with the page's own loading.
let swRegistered = false;
function registerServiceWorker() {
  if (swRegistered || !('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  swRegistered = true;
  navigator.serviceWorker.register('sw.js').catch(() => {});
}

// For people who script the page (and the tests): the latest result.
window.whosaid = {
  get result() { return shown.result; },
  get text() { return shown.text; },
  /** Runs the engine (in the worker) on any text, without showing it. */
  analyze: (text) => analyzer.analyze(text),
  /** Shows a result computed elsewhere (e.g. by the CLI with --offsets utf16) for `text`. */
  show: async (text, result) => {
    running?.abort();
    clearTimeout(timer);
    setText(text);
    await show(text, result);
    showSummary(text, result, 0);
  },
};
