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
  e.respondWith(url.searchParams.has('v') ? saved(req) : fresh(e, req, req.mode === 'navigate', url));
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
// a page never saved with the offline page. On a weak signal a rep in a
// call should not wait: after SLOW ms a saved copy answers, and the
// network's answer still refreshes the cache for next time.
const SLOW = 3000;
function fresh(e, req, page, url) {
  const key = page ? url.origin + url.pathname : req;
  const cache = caches.open(CACHE);
  const net = fetch(req).then(async res => {
    if (res.status === 200 && res.type === 'basic' && !res.redirected) {
      await (await cache).put(key, res.clone()).catch(() => {});
    }
    return res;
  });
  e.waitUntil(net.catch(() => {}));
  const hit = cache.then(c => c.match(key, {ignoreSearch: page}));
  const slow = new Promise(r => setTimeout(r, SLOW)).then(() => hit).then(h => h || net);
  return Promise.race([net, slow]).catch(async err => {
    const h = await hit;
    if (h) return h;
    const off = page && await (await cache).match(PB.offline);
    if (off) return off;
    throw err;
  });
}
