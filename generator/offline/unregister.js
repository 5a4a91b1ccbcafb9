// Playbook: this build of the site has no service worker (a build with
// drafts, or the live preview). This one replaces the worker a browser
// kept from an earlier build at the same address, deletes that build's
// saved pages and unregisters itself. It answers no request and reloads
// nothing: the pages open from the network from the next load on.
'use strict';
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', e => {
  const prefix = 'playbook:' + new URL(self.registration.scope).pathname + ':';
  e.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith(prefix)).map(k => caches.delete(k))))
    .then(() => self.registration.unregister()));
});
