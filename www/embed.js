// The host page's script: registers <who-said> from the package and logs the
// whosaid:analyzed events (what a site would hook into).
import { defineWhoSaid } from './pkg/element.js';

const log = document.getElementById('log');
function note(text) {
  const li = document.createElement('li');
  li.textContent = text;
  log.append(li);
}

document.addEventListener('whosaid:analyzed', (event) => {
  const { result, ms } = event.detail;
  const speakers = [...new Set(result.quotes.map((q) => q.speaker?.name).filter(Boolean))];
  note(`#${event.target.id}: ${result.quotes.length} quotes, ${result.entities.length} entities in ${Math.round(ms)} ms${speakers.length ? `; speakers: ${speakers.join(', ')}` : ''}`);
});
document.addEventListener('whosaid:error', (event) => note(`#${event.target.id}: ${event.detail.error.message}`));

defineWhoSaid();
