/* Offline support and "changed since your last visit".
 * - Registers the site's service worker (sw.js at the site's root, which
 *   saves the pages a rep needs in a call; see docs/architecture.md).
 * - Shows a status line while the browser is offline, or while the site
 *   cannot be reached and saved pages stand in.
 * - Marks, in lists ([data-pb-page] cards), the pages whose text changed
 *   since the build this browser saw before: offline.json has a short hash
 *   of each page's text; localStorage keeps the hashes of the last build
 *   seen and of the one before. Nothing is sent anywhere. A first visit
 *   marks nothing; opening a marked page unmarks it.
 * The build leaves this script out of the live preview, drafts builds and
 * older versions. */
(function () {
  "use strict";
  var me = document.currentScript;
  if (!me) return;
  var scope = me.getAttribute("data-scope") || "/";

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(me.getAttribute("data-worker"), {scope: scope}).catch(function () {});
  }

  var status = document.createElement("p");
  status.className = "offline-status";
  status.setAttribute("role", "status");
  var header = document.querySelector(".site-header");
  document.body.insertBefore(status, header ? header.nextSibling : document.body.firstChild);
  // navigator.onLine only says a network is there: a dead server, a
  // captive portal or a Wi-Fi with no way out still leave the worker
  // answering from saved pages. So on a page the worker controls, a HEAD
  // of this address (the worker leaves HEAD to the network) asks whether
  // the playbook can be reached.
  var unreachable = false;
  function show() {
    status.textContent = !navigator.onLine ? "Offline — showing saved pages"
      : unreachable ? "Can't reach the playbook — showing saved pages" : "";
  }
  function probe() {
    var sw = navigator.serviceWorker;
    if (!navigator.onLine || !sw || !sw.controller || !window.fetch || !window.AbortController) return;
    var stop = new AbortController();
    var timer = setTimeout(function () { stop.abort(); }, 4000);
    fetch(location.pathname, {method: "HEAD", cache: "no-store", redirect: "manual", signal: stop.signal})
      // A 404 is the site answering (this may be its not-found page); a
      // server error or a redirect away (a portal's login) is not.
      .then(function (res) { unreachable = res.type === "opaqueredirect" || res.status >= 500; },
        function () { unreachable = true; })
      .then(function () { clearTimeout(timer); status.setAttribute("data-checked", ""); show(); });
  }
  window.addEventListener("online", function () { unreachable = false; show(); probe(); });
  window.addEventListener("offline", show);
  show();
  probe();

  var key = "playbook:seen:" + scope;
  // Keys are permalinks as written; location.pathname is percent-encoded.
  var here = location.pathname;
  try { here = decodeURI(here); } catch (e) { /* malformed: keep it raw */ }
  function load() {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function save(seen) {
    try { localStorage.setItem(key, JSON.stringify(seen)); } catch (e) { /* full or disabled */ }
  }
  // A page without lists has nothing to mark and does not fetch the
  // hashes: it is noted as opened, and counts as seen in the build the
  // next list page fetches (the one this page came from).
  if (!document.querySelector("[data-pb-page]")) {
    var seen = load();
    if (seen) {
      (seen.opened = seen.opened || {})[here] = 1;
      save(seen);
    }
    return;
  }
  fetch(me.getAttribute("data-pages")).then(function (r) {
    return r.ok ? r.json() : null;
  }).then(function (cur) {
    if (!cur || !cur.pages) return;
    var seen = load();
    if (!seen || !seen.pages) seen = {build: cur.build, pages: cur.pages, before: null};
    else if (seen.build !== cur.build) seen = {build: cur.build, pages: cur.pages, before: seen.pages, opened: seen.opened};
    var before = seen.before, opened = seen.opened || {};
    opened[here] = 1;
    if (before) {
      for (var u in opened) if (cur.pages[u]) before[u] = cur.pages[u];
    }
    delete seen.opened;
    save(seen);
    var marks = 0;
    if (before) marks = mark(cur, before);
    // Says the marks are done (and how many), for styles and tests.
    document.documentElement.setAttribute("data-pb-updated", String(marks));
  }).catch(function () {});

  function mark(cur, before) {
    var n = 0, diffs = {};
    (cur.diffs || []).forEach(function (u) { diffs[u] = true; });
    var items = document.querySelectorAll("[data-pb-page]");
    for (var i = 0; i < items.length; i++) {
      var li = items[i], url = li.getAttribute("data-pb-page"), h = cur.pages[url];
      if (!h || before[url] === h) continue;
      var added = !(url in before);
      var badge = document.createElement("span");
      badge.className = "updated-badge";
      badge.textContent = added ? "New" : "Updated";
      var link = li.querySelector("a");
      (link || li).appendChild(badge);
      li.classList.add("is-updated");
      n++;
      if (!added && diffs[url] && cur.changes) {
        var diff = document.createElement("a");
        diff.className = "updated-diff";
        diff.href = cur.changes + "#pb-change-" + url.slice(scope.length);
        diff.textContent = "See what changed";
        li.appendChild(diff);
      }
    }
    return n;
  }
})();
