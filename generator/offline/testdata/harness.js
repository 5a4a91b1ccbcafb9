// Runs sw.js (argv[2]) in Node with a fake service worker environment
// (caches, fetch, events) through one scenario (argv[3]); prints what
// went wrong and exits 1, or exits 0. Used by worker_test.go.
'use strict';
const fs = require('fs');
const vm = require('vm');
const [, , script, scenario] = process.argv;
const ORIGIN = 'http://site.test';
const abs = u => new URL(typeof u === 'string' ? u : u.url, ORIGIN + '/').href;

// The network: path -> [status, body, redirected]; fetched lists paths asked.
const net = {
  '/p/': [200, 'home'], '/p/search/meta.json': [200, 'meta-new'], '/p/offline.html': [200, 'off'],
  '/p/a/': [200, 'A'], '/p/b/': [500, 'oops'], '/p/c/': [200, 'C2'],
};
const fetched = [];
globalThis.fetch = async req => {
  const path = new URL(abs(req)).pathname;
  fetched.push(path);
  const [status, body, redirected] = net[path] || [404, 'none'];
  const res = new Response(body, {status});
  Object.defineProperty(res, 'type', {value: 'basic'});
  Object.defineProperty(res, 'redirected', {value: !!redirected});
  return res;
};
globalThis.Request = class {
  constructor(u, o = {}) { this.url = abs(u); this.method = 'GET'; this.mode = o.mode || 'cors'; this.headers = new Headers(o.headers || {}); }
};

// Cache Storage, in memory.
class Cache {
  constructor() { this.m = new Map(); }
  async match(req, o = {}) {
    const u = abs(req), strip = s => s.split('?')[0];
    for (const [k, v] of this.m) if (k === u || o.ignoreSearch && strip(k) === strip(u)) return v.clone();
  }
  async put(req, res) { this.m.set(abs(req), new Response(await res.arrayBuffer(), {status: res.status})); }
  async text(path) { const r = await this.match(path); return r && r.text(); }
}
const stores = new Map();
globalThis.caches = {
  async keys() { return [...stores.keys()]; },
  async open(k) { if (!stores.has(k)) stores.set(k, new Cache()); return stores.get(k); },
  async delete(k) { return stores.delete(k); },
};

const listeners = {};
globalThis.self = globalThis;
globalThis.location = new URL(ORIGIN + '/p/sw.js');
self.addEventListener = (type, f) => { listeners[type] = f; };
self.skipWaiting = async () => {};
self.clients = {claim: async () => {}};
vm.runInThisContext(fs.readFileSync(script, 'utf8'));

async function install() {
  let p;
  listeners.install({waitUntil: x => { p = x; }});
  return p;
}
// get answers a request through the worker: its body, or undefined when
// the worker leaves it to the browser.
async function get(path, {navigate = false, accept = ''} = {}) {
  let r;
  const req = new Request(path, {mode: navigate ? 'navigate' : 'cors', headers: accept ? {Accept: accept} : {}});
  listeners.fetch({request: req, respondWith: x => { r = x; }, waitUntil: () => {}});
  return r && (await r).text();
}

const problems = [];
const want = (what, got, exp) => {
  if (JSON.stringify(got) !== JSON.stringify(exp)) problems.push(`${what}: got ${JSON.stringify(got)}, want ${JSON.stringify(exp)}`);
};
const CACHE = 'playbook:/p/:new';

const scenarios = {
  // Unchanged entries are copied from the previous build's cache; a page
  // that fails to download does not fail the install.
  async install() {
    const old = await caches.open('playbook:/p/:old');
    await old.put('/p/a/', new Response('A'));
    await old.put('/p/c/', new Response('C1'));
    await install();
    want('fetched on install', fetched.slice().sort(), ['/p/', '/p/b/', '/p/c/', '/p/offline.html', '/p/search/meta.json']);
    const c = await caches.open(CACHE);
    want('saved a (copied)', await c.text('/p/a/'), 'A');
    want('saved c (changed)', await c.text('/p/c/'), 'C2');
    want('saved b (failed)', await c.text('/p/b/'), undefined);
  },
  // A shell file that fails fails the install: no half-saved site.
  async shellFails() {
    net['/p/search/meta.json'] = [503, 'busy'];
    let failed = false;
    await install().catch(() => { failed = true; });
    want('install failed', failed, true);
  },
  // A server error or a redirect (a captive portal) does not beat a saved
  // copy; a good answer replaces it.
  async fresh() {
    await install();
    net['/p/a/'] = [503, 'busy'];
    want('503 with a saved copy', await get('/p/a/', {navigate: true}), 'A');
    net['/p/a/'] = [200, 'portal login', true];
    want('redirected with a saved copy', await get('/p/a/', {navigate: true}), 'A');
    net['/p/a/'] = [500, 'broken'];
    want('500 without a saved copy', await get('/p/zzz/', {navigate: true}), 'none');
    net['/p/a/'] = [200, 'A2'];
    want('good answer', await get('/p/a/', {navigate: true}), 'A2');
    want('saved after a good answer', await (await caches.open(CACHE)).text('/p/a/'), 'A2');
  },
  // The search index's unstamped files come from this build's cache and
  // are never replaced by another build's, which asks for other shards.
  async searchFiles() {
    await install();
    net['/p/search/meta.json'] = [200, 'meta-other-build'];
    fetched.length = 0;
    want('meta.json', await get('/p/search/meta.json'), 'meta-new');
    want('network asked', fetched, []);
    want('saved meta.json', await (await caches.open(CACHE)).text('/p/search/meta.json'), 'meta-new');
  },
  // The live preview's event stream is left to the browser.
  async eventStream() {
    await install();
    want('event stream answered by the worker', await get('/p/__playbook/events', {accept: 'text/event-stream'}), undefined);
  },
};

scenarios[scenario]().catch(e => problems.push(String(e && e.stack || e))).then(() => {
  if (problems.length) {
    console.log(problems.join('\n'));
    process.exit(1);
  }
  process.exit(0); // not waiting for the worker's slow-network timers
});
