// The service worker: keeps a copy of the page's own files so it opens and
// works offline after the first visit. Network first (so an update shows at
// once), the cache when offline. It only handles this site's GET requests.
const CACHE = 'whosaid-v4';
const FILES = [
  './', 'index.html', 'styles.css', 'app.bundle.js', 'app.js', 'boot.js', 'article.js', 'panels.js', 'export.js', 'sample.txt', 'icon.svg',
  'speakers.js', 'voice.js', 'keys.js', 'format.js', 'extract.js', 'pkg/readability.js',
  'embed.html', 'embed.js', 'embed.css',
  'pkg/index.js', 'pkg/engine.js', 'pkg/analyzer.js', 'pkg/worker.js', 'pkg/chunks.js', 'pkg/spans.js', 'pkg/dom-text.js',
  'pkg/element.js', 'pkg/whosaid.js', 'pkg/whosaid_bg.wasm',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request, { ignoreSearch: true }).then((hit) => hit ?? Response.error())),
  );
});
