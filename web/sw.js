// Offline: the app shell, the wasm core and the rates are cached at install. Answers come from the cache first and
// are refreshed in the background, so a new deployment shows on the next visit. Only this origin is ever fetched.
const VERSION = 'ccredits-v1';
// site-files.json is written by the build from wasm/CMakeLists.txt's site lists.
const LIST = 'site-files.json';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const { files } = await (await fetch(LIST, { cache: 'no-cache' })).json();
    const cache = await caches.open(VERSION);
    await cache.addAll([...files, LIST]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n.startsWith('ccredits-') && n !== VERSION).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(VERSION);
    const cached = await cache.match(request, { ignoreSearch: true })
      ?? (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
    const refresh = fetch(request).then((response) => {
      if (response.ok) cache.put(request, response.clone());
      return response;
    });
    if (cached) {
      event.waitUntil(refresh.catch(() => undefined));
      return cached;
    }
    return refresh;
  })());
});
