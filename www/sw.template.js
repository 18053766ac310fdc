// The service worker: keeps a copy of the page's own files so it opens and
// works offline after the first visit. Network first (so an update shows at
// once), the cache when offline. It only handles this site's GET requests.
// NOTE: written by pkg-config/build.mjs from www/sw.template.js: FILES is
// every file the page serves, and CACHE names a hash of their contents, so a
// new build replaces the old copy and no file is left out of the list.
const CACHE = 'whosaid-unbuilt';
const FILES = [];

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
