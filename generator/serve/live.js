/*
 * Playbook live preview (injected by `playbook serve`, never in a build).
 * Listens for rebuilds over Server-Sent Events:
 * - "change": reload only if this page changed, keeping the scroll position;
 *   swap changed stylesheets in place without a reload.
 * - "problem": show the build errors over the page (the last good page stays);
 *   the next successful rebuild removes the overlay by itself.
 * - "hello": names the server instance; a new one means it restarted.
 * All tabs share one stream through live-worker.js where possible.
 */
(function () {
  "use strict";
  if (!window.EventSource) return;
  var KEY = "playbook-scroll:" + location.pathname;

  // Restore the scroll position kept across a live reload. The browser's
  // own restoration is turned off so it cannot move the page afterwards,
  // and the position is set again once late layout (fonts, the theme's
  // buttons) has settled.
  var saved = sessionStorage.getItem(KEY);
  if (saved !== null) {
    sessionStorage.removeItem(KEY);
    if ("scrollRestoration" in history) history.scrollRestoration = "manual";
    var y = parseInt(saved, 10);
    var restore = function () {
      window.scrollTo({ top: y, left: 0, behavior: "instant" });
      requestAnimationFrame(function () { requestAnimationFrame(function () { window.scrollTo({ top: y, left: 0, behavior: "instant" }); }); });
    };
    if (document.readyState === "complete") restore(); else window.addEventListener("load", restore);
  }

  // The files this page is made of: its own, or 404.html on a missing page
  // (which reloads when the page comes back too).
  function theseFiles() {
    var p = decodeURIComponent(location.pathname).replace(/^\//, "");
    var own = p === "" || p.slice(-1) === "/" ? p + "index.html" : p;
    if (document.body && document.body.classList.contains("layout-404")) return ["404.html", own];
    return [own];
  }

  // usesFile reports whether an image, script or other file changed that
  // this page shows.
  function usesFile(file) {
    var els = document.querySelectorAll("[src], link[href]");
    for (var i = 0; i < els.length; i++) {
      var u = els[i].getAttribute("src") || els[i].getAttribute("href");
      try {
        if (decodeURIComponent(new URL(u, location.href).pathname).replace(/^\//, "") === file) return true;
      } catch (e) { /* not a URL */ }
    }
    return false;
  }

  function swapStylesheet(file) {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    for (var i = 0; i < links.length; i++) {
      var url = new URL(links[i].href, location.href);
      if (url.pathname.replace(/^\//, "") === file) {
        url.searchParams.set("live", Date.now().toString(36));
        links[i].href = url.toString();
      }
    }
  }

  var overlay = null;
  var dismissed = null; // the problems the writer closed, until they change
  function hideProblems() {
    if (overlay) { overlay.remove(); overlay = null; }
  }
  function showProblems(data) {
    hideProblems();
    if (data === dismissed) return;
    var list = JSON.parse(data);
    var placeholder = !!document.querySelector('meta[name="playbook-placeholder"]');
    overlay = document.createElement("div");
    overlay.id = "playbook-live-problems";
    overlay.setAttribute("role", "alert");
    overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:45vh;overflow:auto;z-index:2147483647;" +
      "background:#2b0b0b;color:#fff;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;" +
      "padding:12px 16px;border-top:4px solid #ff6b6b;box-shadow:0 -4px 24px rgba(0,0,0,.4)";
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.setAttribute("aria-label", "Hide the build errors");
    close.style.cssText = "float:right;margin:0 0 8px 12px;font:600 14px system-ui,sans-serif;color:#2b0b0b;" +
      "background:#fff;border:0;border-radius:6px;padding:6px 12px;cursor:pointer";
    close.addEventListener("click", function () { dismissed = data; hideProblems(); });
    overlay.appendChild(close);
    var head = document.createElement("p");
    head.style.cssText = "margin:0 0 8px;font:600 15px/1.4 system-ui,sans-serif";
    head.textContent = "The playbook has " + list.length + (list.length === 1 ? " error" : " errors") +
      (placeholder ? ": there is no good build to show yet." : ": this page is the last good build.") +
      " Fix the file and save; this closes by itself.";
    overlay.appendChild(head);
    var ul = document.createElement("ul");
    ul.style.cssText = "margin:0;padding:0;list-style:none";
    list.forEach(function (d) {
      var li = document.createElement("li");
      li.style.cssText = "margin:4px 0;white-space:pre-wrap;word-break:break-word";
      var where = document.createElement("strong");
      where.style.color = "#ffb3b3";
      where.textContent = d.position;
      li.appendChild(where);
      li.appendChild(document.createTextNode(" " + d.message));
      ul.appendChild(li);
    });
    overlay.appendChild(ul);
    document.body.appendChild(overlay);
  }

  function reloadKeepingScroll() {
    sessionStorage.setItem(KEY, String(window.scrollY));
    location.reload();
  }

  var server = null;
  function handle(type, data) {
    if (type === "hello") {
      // A different server instance: it restarted while this page was
      // open, and changes may have been missed.
      var id = JSON.parse(data).server;
      if (server && id !== server) { reloadKeepingScroll(); return; }
      server = id;
    } else if (type === "change") {
      hideProblems();
      dismissed = null;
      var paths = JSON.parse(data).paths || [];
      // Scripts of the page (such as the search box, whose index may have
      // changed) can listen for what changed.
      document.dispatchEvent(new CustomEvent("playbook:change", { detail: { paths: paths } }));
      var reload = theseFiles().some(function (f) { return paths.indexOf(f) >= 0; }) ||
        paths.some(function (p) { return !/\.(css|html)$/.test(p) && usesFile(p); });
      if (reload) { reloadKeepingScroll(); return; }
      paths.forEach(function (p) { if (/\.css$/.test(p)) swapStylesheet(p); });
    } else if (type === "problem") {
      showProblems(data);
    }
  }

  // One stream for all tabs through a shared worker where the browser has
  // one (a stream per tab would use up the browser's connections to the
  // preview after six tabs); otherwise a stream of this tab's own.
  if (window.SharedWorker) {
    var worker = new SharedWorker("/__playbook/live-worker.js");
    worker.port.onmessage = function (e) { handle(e.data.type, e.data.data); };
    worker.port.start();
    window.addEventListener("pagehide", function () { worker.port.postMessage("bye"); });
  } else {
    var source = new EventSource("/__playbook/events");
    ["hello", "change", "problem"].forEach(function (type) {
      source.addEventListener(type, function (e) { handle(type, e.data); });
    });
    window.addEventListener("pagehide", function () { source.close(); });
  }
  // Back from the browser's page cache, changes may have been missed.
  window.addEventListener("pageshow", function (e) { if (e.persisted) location.reload(); });
})();
