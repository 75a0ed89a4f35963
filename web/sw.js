// Offline: the app shell, the wasm core and the rates are cached at install. Answers come from the cache first and
// are refreshed in the background, so a new deployment shows on the next visit. Only this origin is ever fetched.
const VERSION = 'ccredits-v1';
const SHELL = [
  './', 'index.html', 'style.css', 'icon.svg', 'app.js', 'ccredits-client.js', 'ccredits.js', 'ccredits.wasm',
  'dom.js', 'format.js', 'countries.js', 'site-data.js', 'state.js', 'share-link.js', 'links.js', 'chart.js',
  'export.js', 'rates-panel.js', 'inputs/fields.js', 'inputs/rows.js', 'inputs/form.js',
  'results/section.js', 'results/spend.js', 'results/pools.js', 'results/verdicts.js', 'results/recommendation.js',
  'results/what-if.js', 'results/simulator.js', 'rates/illustrative-usd.json',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
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
