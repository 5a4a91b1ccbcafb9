// Playbook's service worker. The build writes it as sw.js at the site's
// root, after a first line that sets self.PB: {build, base, offline,
// shell, pages}, each list of [url, hash] (hash: offline.Hash of the
// bytes the URL serves). One cache per build ("playbook:<base>:<build>"):
// installing fills it, activating deletes the caches of other builds of
// this site, so two builds never mix.
'use strict';
const PB = self.PB;
const PREFIX = 'playbook:' + PB.base + ':';
const CACHE = PREFIX + PB.build;
// The search index's files are precached with the shell and always
// answered from this build's cache: the engine reads search/meta.json and
// search/search.js without a stamp, then asks for that build's shards.
const INDEX = PB.base + 'search/';

self.addEventListener('install', e => {
  e.waitUntil(install().then(() => self.skipWaiting()));
});

// install saves the shell and the search index all or nothing (a site
// without them is no use offline), then the pages one by one, a failed
// page left to be saved when opened. An entry whose bytes have not
// changed since the site's previous build is copied from that build's
// cache instead of downloaded again.
async function install() {
  const cache = await caches.open(CACHE);
  const olds = await Promise.all((await caches.keys())
    .filter(k => k.startsWith(PREFIX) && k !== CACHE).map(k => caches.open(k)));
  const save = async ([url, hash]) => {
    for (const old of olds) {
      const hit = await old.match(url, {ignoreSearch: true});
      if (hit && await digest(hit.clone()) === hash) return cache.put(url, hit);
    }
    const res = await fetch(new Request(url, {cache: 'reload'}));
    if (!good(res)) throw new Error(url + ': ' + res.status);
    return cache.put(url, res);
  };
  await Promise.all(PB.shell.map(save));
  await Promise.allSettled(PB.pages.map(save));
}

// digest is offline.Hash of a response's body: the first 4 bytes of its
// SHA-256, in hex.
async function digest(res) {
  const sum = new Uint8Array(await crypto.subtle.digest('SHA-256', await res.arrayBuffer()));
  return Array.from(sum.slice(0, 4), b => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('activate', e => {
  e.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith(PREFIX) && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', e => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin || !url.pathname.startsWith(PB.base)) return;
  // The live preview's event stream is never the worker's to answer.
  if ((req.headers.get('Accept') || '').includes('text/event-stream')) return;
  // A ?v= address names one version of a file (assets, search index):
  // the saved copy is always right. So are the index's unstamped files,
  // which must match the shards this build saved.
  const index = url.pathname.startsWith(INDEX) && url.pathname !== INDEX && url.pathname !== INDEX + 'index.html';
  e.respondWith(url.searchParams.has('v') || index ? saved(req) : fresh(e, req, req.mode === 'navigate', url));
});

// good is a network answer worth keeping: whole, from this site, not
// redirected (a captive portal's login page is a redirect).
function good(res) {
  return res.status === 200 && res.type === 'basic' && !res.redirected;
}

async function saved(req) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(req);
  if (hit) return hit;
  const res = await fetch(req);
  if (good(res)) await cache.put(req, res.clone()).catch(() => {});
  return res;
}

// fresh asks the network first and keeps what it gets; offline it answers
// from the cache, pages by path (so /search/?q=price finds /search/), and
// a page never saved with the offline page. A failed or redirected answer
// (a server error, a captive portal) does not beat a saved copy. On a
// weak signal a rep in a call should not wait: after SLOW ms a saved copy
// answers, and the network's answer still refreshes the cache for next
// time.
const SLOW = 3000;
function fresh(e, req, page, url) {
  const key = page ? url.origin + url.pathname : req;
  const cache = caches.open(CACHE);
  const hit = cache.then(c => c.match(key, {ignoreSearch: page}));
  const net = fetch(req).then(async res => {
    if (good(res)) {
      await (await cache).put(key, res.clone()).catch(() => {});
      return res;
    }
    return (!res.ok || res.redirected) && await hit || res;
  });
  e.waitUntil(net.catch(() => {}));
  const slow = new Promise(r => setTimeout(r, SLOW)).then(() => hit).then(h => h || net);
  return Promise.race([net, slow]).catch(async err => {
    const h = await hit;
    if (h) return h;
    const off = page && await (await cache).match(PB.offline);
    if (off) return off;
    throw err;
  });
}
