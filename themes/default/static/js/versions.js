/*
 * Playbook default theme: the version switcher and the older version's
 * banner. Loaded (deferred) only on sites built with versions.
 *
 * The pages of a version never change once built, so everything they show
 * of other versions comes from versions.json at the site's root, written
 * by every build:
 *   {"format": 1,
 *    "versions": [{"name", "tag", "path", "commit", "date", "latest"}, …],  newest first
 *    "pages": ["", "brand/", …],   sorted page paths of every version
 *    "has": [[[0, 57]], …]}        per version: [start, end) ranges into pages
 *
 * - Switcher (<details class="version-switch">): the first time it opens,
 *   lists every version, each linking to this page in that version when it
 *   has it, else to its home. Escape, a click outside or moving focus out
 *   closes it. Without JavaScript it shows the latest and "All versions".
 * - Banner ([data-version-banner]) on an older version: points its link at
 *   this page in the latest version when the latest still has it.
 */
(function () {
  "use strict";

  function formatDate(iso) {
    if (!iso) return "";
    var d = new Date(iso);
    if (isNaN(d.getTime()) || d.getUTCFullYear() < 2) return ""; // Go's zero time: unknown
    try {
      return d.toLocaleDateString(document.documentElement.lang || undefined, {
        year: "numeric", month: "short", day: "numeric", timeZone: "UTC"
      });
    } catch (e) {
      return iso.slice(0, 10);
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* The index read from versions.json, with a lookup of page paths. */
  function Index(data) {
    if (!data || !Array.isArray(data.versions)) throw new Error("versions.json: no list of versions");
    this.versions = data.versions;
    this.has = Array.isArray(data.has) ? data.has : [];
    this.at = Object.create(null);
    var pages = Array.isArray(data.pages) ? data.pages : [];
    for (var i = 0; i < pages.length; i++) this.at[pages[i]] = i;
  }

  // hasPage reports whether version number vi has the page at path.
  Index.prototype.hasPage = function (vi, path) {
    var n = this.at[path];
    var ranges = this.has[vi];
    if (n === undefined || !Array.isArray(ranges)) return false;
    for (var i = 0; i < ranges.length; i++) {
      if (n >= ranges[i][0] && n < ranges[i][1]) return true;
    }
    return false;
  };

  Index.prototype.latest = function () {
    for (var i = 0; i < this.versions.length; i++) {
      if (this.versions[i].latest) return i;
    }
    return -1;
  };

  function init() {
    var sw = document.querySelector(".version-switch");
    var banner = document.querySelector("[data-version-banner]");
    if (!sw) return;
    var src = sw.getAttribute("data-versions");
    var root = sw.getAttribute("data-root") || "/";
    var current = sw.getAttribute("data-version") || "";
    var page = sw.getAttribute("data-page") || "";
    var list = sw.querySelector("[data-version-list]");
    var summary = sw.querySelector("summary");
    var loading = null;
    var filled = false;

    function load() {
      if (!loading) {
        loading = fetch(src, { credentials: "same-origin" })
          .then(function (res) {
            if (!res.ok) throw new Error(src + ": HTTP " + res.status);
            return res.json();
          })
          .then(function (data) { return new Index(data); });
        // A failed load (offline) is tried again next time.
        loading.catch(function () { loading = null; });
      }
      return loading;
    }

    function fill(index) {
      if (!list || filled) return;
      filled = true;
      while (list.firstChild) list.removeChild(list.firstChild);
      index.versions.forEach(function (v, i) {
        var path = typeof v.path === "string" ? v.path : "";
        var isCurrent = path === current;
        var has = index.hasPage(i, page);
        var link = el("a", "version-switch__item");
        link.href = isCurrent ? window.location.pathname + window.location.search : root + path + (has ? page : "");
        // The search page keeps its query in the other version.
        if (!isCurrent && has && page === "search/") link.href += window.location.search;
        if (isCurrent) link.setAttribute("aria-current", "page");
        link.appendChild(el("span", "version-switch__item-name", String(v.name || path || "Latest")));
        if (v.latest && String(v.name).toLowerCase() !== "latest") {
          link.appendChild(document.createTextNode(" "));
          link.appendChild(el("span", "version-switch__latest", "latest"));
        }
        var date = formatDate(v.date);
        if (date) {
          var time = el("time", "version-switch__date", date);
          time.setAttribute("datetime", String(v.date).slice(0, 10));
          link.appendChild(time);
        }
        if (page && !has && !isCurrent) {
          link.appendChild(el("span", "version-switch__missing", "Not in this version: opens its home"));
        }
        var li = el("li");
        li.appendChild(link);
        list.appendChild(li);
      });
    }

    function failed() {
      if (!list || list.querySelector(".version-switch__note")) return;
      var li = el("li", "version-switch__note", "Couldn't load the list of versions. Try All versions below.");
      li.setAttribute("role", "status"); // announced to screen readers
      list.appendChild(li);
    }

    sw.addEventListener("toggle", function () {
      if (!sw.open) return;
      if (list) list.setAttribute("aria-busy", "true");
      load().then(fill, failed).then(function () {
        if (list) list.removeAttribute("aria-busy");
      });
    });

    function close(returnFocus) {
      if (!sw.open) return;
      sw.open = false;
      if (returnFocus && summary) summary.focus();
    }

    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && sw.open) {
        close(sw.contains(document.activeElement));
      }
    });
    document.addEventListener("click", function (event) {
      if (sw.open && !sw.contains(event.target)) close(false);
    });
    sw.addEventListener("focusout", function (event) {
      if (event.relatedTarget && !sw.contains(event.relatedTarget)) close(false);
    });

    // An older version's banner: this page in the latest, when it has it.
    if (banner && page) {
      var latestLink = banner.querySelector("[data-version-latest]");
      load().then(function (index) {
        var li = index.latest();
        if (li < 0 || !latestLink) return;
        var latest = index.versions[li];
        if (index.hasPage(li, page)) {
          latestLink.href = root + (latest.path || "") + page;
          latestLink.textContent = "See this page in the latest version";
        } else {
          var note = banner.querySelector(".version-banner__text");
          if (note) note.appendChild(document.createTextNode(" This page is not in the latest version."));
        }
      }, function () { /* keep the link to the latest's home */ });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
