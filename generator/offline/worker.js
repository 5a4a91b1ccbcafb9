// Playbook's service worker. The build writes it as sw.js at the site's
// root, after a first line that sets self.PB: {build, base, offline,
// precache}. One cache per build ("playbook:<base>:<build>"): installing
// fills it with the precache list, activating deletes the caches of
// other builds of this site, so two builds never mix.
'use strict';
const PB = self.PB;
const PREFIX = 'playbook:' + PB.base + ':';
const CACHE = PREFIX + PB.build;

self.addEventListener('install', e => {
  e.waitUntil(caches.open(CACHE)
    .then(c => c.addAll(PB.precache.map(u => new Request(u, {cache: 'reload'}))))
    .then(() => self.skipWaiting()));
});

self.addEventListener('activate', e => {
  e.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith(PREFIX) && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', e => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(PB.base)) return;
  // A ?v= address names one version of a file (assets, search index):
  // the saved copy is always right. Anything else may have changed.
  e.respondWith(url.searchParams.has('v') ? saved(req) : fresh(req, req.mode === 'navigate', url));
});

async function saved(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (res.status === 200) await cache.put(req, res.clone()).catch(() => {});
  return res;
}

// fresh asks the network first and keeps what it gets; offline it answers
// from the cache, pages by path (so /search/?q=price finds /search/), and
// a page never saved with the offline page.
async function fresh(req, page, url) {
  const cache = await caches.open(CACHE);
  const key = page ? url.origin + url.pathname : req;
  try {
    const res = await fetch(req);
    if (res.status === 200 && res.type === 'basic' && !res.redirected) await cache.put(key, res.clone()).catch(() => {});
    return res;
  } catch (err) {
    const hit = await cache.match(key, {ignoreSearch: page});
    if (hit) return hit;
    const off = page && await cache.match(PB.offline);
    if (off) return off;
    throw err;
  }
}
