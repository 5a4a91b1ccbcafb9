/*
 * Playbook default theme: search. Vanilla JavaScript, no dependencies,
 * loaded with defer on every page. It downloads nothing by itself: the
 * engine (search/search.js, built by generator/search) and the index load
 * only when a search box first gets focus, or at once on the search page.
 *
 * - Header box (form[data-search-box]): a WAI-ARIA 1.2 combobox with a
 *   listbox popup. Results as you type, each with its kind, the matching
 *   sections and an excerpt; facet chips narrow them. Up/Down move through
 *   the options (aria-activedescendant: focus stays in the box), Enter opens
 *   one (or, with none chosen, the search page), Escape closes the popup and
 *   then clears the box. "/" and Ctrl+K (Cmd+K) focus the box.
 * - Search page (form[data-search-page]): the same search with up to 50
 *   results, kept in the address (?q=…&kind=…) so it can be shared.
 * - Highlighting: every result link carries ?hl= with the words that
 *   matched; the page opened marks them in its main content, scrolls to the
 *   first (unless the link names a section), then drops hl from the
 *   address, so a reload or a shared link shows the page as it is.
 *
 * Index text is only ever inserted as text nodes, never as HTML.
 */
(function () {
  "use strict";

  if (!window.Promise || !window.URLSearchParams || !document.createTreeWalker) return;

  // The theme's labels for page kinds (render.kindName).
  var KINDS = {
    objection: "Objection", "closing-tool": "Closing tool", term: "Glossary term", persona: "Persona",
    play: "Play", brand: "Brand", page: "Page", section: "Section"
  };
  var KIND_ORDER = ["objection", "closing-tool", "play", "persona", "term", "brand", "page", "section"];
  var FACETS = [
    { name: "kind", label: "Type" },
    { name: "category", label: "Category" },
    { name: "persona", label: "Persona" },
    { name: "stage", label: "Stage" }
  ];
  var FACET_NAMES = FACETS.map(function (f) { return f.name; });
  var DROPDOWN_LIMIT = 8;
  var PAGE_LIMIT = 50;
  var QUIET = 90; // ms without typing before a search runs
  var SLOW = 350; // ms before "Searching…" shows

  var uid = 0;

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = text;
    return e;
  }

  // appendMarked adds a Marked text (even parts plain, odd parts matched)
  // to parent as text nodes, the matches inside <mark>.
  function appendMarked(parent, parts) {
    parts = parts || [];
    for (var i = 0; i < parts.length; i++) {
      var s = String(parts[i] == null ? "" : parts[i]);
      if (!s) continue;
      parent.appendChild(i % 2 ? el("mark", null, s) : document.createTextNode(s));
    }
    return parent;
  }

  function markedText(parts) {
    return (parts || []).join("").trim();
  }

  // sameText: a section's excerpt that repeats the page's is left out.
  function sameText(a, b) {
    return markedText(a) === markedText(b);
  }

  function capitalize(s) {
    s = String(s).replace(/-/g, " ");
    return s.charAt(0).toUpperCase() + s.slice(1);
  }

  function kindLabel(kind) {
    return KINDS[kind] || capitalize(kind);
  }

  function valueLabel(facet, value) {
    if (facet === "kind") return kindLabel(value);
    if (facet === "persona") return value;
    return capitalize(value);
  }

  function badge(kind) {
    return el("span", "badge badge--" + String(kind).replace(/[^a-z0-9-]/gi, ""), kindLabel(kind));
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  function quote(q) {
    return "\u201c" + q.trim() + "\u201d";
  }

  function isEditable(t) {
    if (!t || !t.tagName) return false;
    if (t.isContentEditable) return true;
    var tag = t.tagName;
    if (tag === "TEXTAREA" || tag === "SELECT") return true;
    if (tag !== "INPUT") return false;
    return !/^(button|checkbox|color|file|hidden|image|radio|range|reset|submit)$/i.test(t.type);
  }

  /* Engine ---------------------------------------------------------------- */

  var engineScript = null;
  var indexes = {}; // base URL -> Promise of an open index

  function loadEngine(src) {
    if (window.PlaybookSearch) return Promise.resolve(window.PlaybookSearch);
    if (!engineScript) {
      engineScript = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.async = true;
        s.onload = function () {
          if (window.PlaybookSearch) resolve(window.PlaybookSearch);
          else reject(new Error("search: " + src + " did not define PlaybookSearch"));
        };
        s.onerror = function () {
          s.parentNode.removeChild(s);
          reject(new Error("search: could not load " + src));
        };
        document.head.appendChild(s);
      });
      engineScript.catch(function () { engineScript = null; });
    }
    return engineScript;
  }

  // openIndex loads the engine and the index's meta.json once per base.
  // A failure is forgotten, so the next search tries again.
  function openIndex(base) {
    if (!indexes[base]) {
      var p = loadEngine(base + "search.js").then(function (api) {
        var index = api.open(base);
        return index.ready.then(function () { return index; });
      });
      indexes[base] = p;
      p.catch(function () { if (indexes[base] === p) delete indexes[base]; });
    }
    return indexes[base];
  }

  // Under `playbook serve` the index is rebuilt after each edit; the live
  // preview says which files changed, and a cached index would mix old and
  // new parts.
  document.addEventListener("playbook:change", function (e) {
    var paths = (e.detail && e.detail.paths) || [];
    if (paths.some(function (p) { return /(^|\/)search\/(?!index\.html$)/.test(p); })) indexes = {};
  });

  function runSearch(base, query, filters, options) {
    var opened = openIndex(base);
    return opened.then(function (index) {
      return index.search(query, filters, options).catch(function (err) {
        // The index keeps a failed download; start afresh next time.
        if (indexes[base] === opened) delete indexes[base];
        throw err;
      });
    });
  }

  /* Results --------------------------------------------------------------- */

  // highlightWords are the words that matched in a result, for ?hl=: the
  // page's own spelling, so a typo in the query still highlights.
  function highlightWords(r) {
    var seen = {};
    var out = [];
    function add(parts) {
      for (var i = 1; i < (parts || []).length && out.length < 8; i += 2) {
        var w = String(parts[i]).toLowerCase().trim();
        if (w && !seen[w]) {
          seen[w] = true;
          out.push(w);
        }
      }
    }
    add(r.title);
    add(r.excerpt);
    (r.sections || []).forEach(function (s) {
      add(s.heading);
      add(s.excerpt);
    });
    return out;
  }

  function resultURL(r, anchor) {
    var u = String(r.url);
    var words = highlightWords(r);
    if (words.length) {
      u += (u.indexOf("?") < 0 ? "?" : "&") + "hl=" + encodeURIComponent(words.join(" ")).replace(/%20/g, "+");
    }
    if (anchor) u += "#" + encodeURIComponent(anchor);
    return u;
  }

  function searchPageURL(base, query, filters) {
    var params = new URLSearchParams();
    if (query.trim()) params.set("q", query.trim());
    FACET_NAMES.forEach(function (name) {
      (filters[name] || []).forEach(function (v) { params.append(name, v); });
    });
    var s = params.toString();
    return base + (s ? "?" + s : "");
  }

  function hasFilters(filters) {
    return FACET_NAMES.some(function (name) { return (filters[name] || []).length > 0; });
  }

  function noResults(query, filters) {
    return "No results for " + quote(query) + (hasFilters(filters)
      ? " with these filters. Remove a filter or try fewer words."
      : ". Try fewer words or another way of saying it.");
  }

  var FAILED = "Search is not available right now: the index could not be loaded. Check your connection and try again.";

  function order(facet, stages) {
    if (facet === "kind") return KIND_ORDER;
    if (facet === "stage") return stages;
    return null;
  }

  // facetChips builds one group of toggle buttons per facet that can narrow
  // the results, with each value's number of pages. onToggle(facet, value)
  // runs on a press.
  function facetChips(resp, filters, stages, onToggle) {
    var box = el("div", "search-facets");
    FACETS.forEach(function (f) {
      var counts = (resp.counts && resp.counts[f.name]) || {};
      var chosen = filters[f.name] || [];
      var values = Object.keys(counts).filter(function (v) { return counts[v] > 0; });
      chosen.forEach(function (v) { if (values.indexOf(v) < 0) values.push(v); });
      if (values.length < 2 && chosen.length === 0) return;
      var known = order(f.name, stages) || [];
      values.sort(function (a, b) {
        var ia = known.indexOf(a), ib = known.indexOf(b);
        if (ia !== ib) return (ia < 0 ? 1e9 : ia) - (ib < 0 ? 1e9 : ib);
        return valueLabel(f.name, a).localeCompare(valueLabel(f.name, b));
      });
      var group = el("div", "search-facet");
      group.setAttribute("role", "group");
      var name = el("span", "search-facet__name", f.label);
      name.id = "pb-search-facet-" + ++uid;
      group.setAttribute("aria-labelledby", name.id);
      group.appendChild(name);
      values.forEach(function (v) {
        var b = el("button", "search-chip");
        b.type = "button";
        b.setAttribute("aria-pressed", chosen.indexOf(v) >= 0 ? "true" : "false");
        b.setAttribute("data-facet", f.name);
        b.setAttribute("data-value", v);
        b.appendChild(el("span", "search-chip__label", valueLabel(f.name, v)));
        b.appendChild(document.createTextNode(" "));
        var count = el("span", "search-chip__count", String(counts[v] || 0));
        count.appendChild(el("span", "visually-hidden", (counts[v] === 1 ? " result" : " results")));
        b.appendChild(count);
        group.appendChild(b);
      });
      box.appendChild(group);
    });
    box.addEventListener("click", function (e) {
      var b = e.target.closest ? e.target.closest("button[data-facet]") : null;
      if (b) onToggle(b.getAttribute("data-facet"), b.getAttribute("data-value"));
    });
    return box;
  }

  // settled records on a results container which query its content answers
  // and how many pages matched (-1: the search failed), for tests and styles.
  function settled(box, query, total) {
    box.setAttribute("data-query", query);
    box.setAttribute("data-total", String(total));
  }

  function toggleFilter(filters, facet, value) {
    var list = (filters[facet] || []).slice();
    var i = list.indexOf(value);
    if (i >= 0) list.splice(i, 1);
    else list.push(value);
    if (list.length) filters[facet] = list;
    else delete filters[facet];
  }

  function copyFilters(filters) {
    var out = {};
    Object.keys(filters).forEach(function (k) { out[k] = filters[k].slice(); });
    return out;
  }

  // replaceChips swaps a chip area's content, keeping keyboard focus on the
  // same chip when it was on one.
  function replaceChips(slot, chips) {
    var a = document.activeElement;
    var keep = a && slot.contains(a) && a.getAttribute("data-facet")
      ? [a.getAttribute("data-facet"), a.getAttribute("data-value")] : null;
    slot.textContent = "";
    if (chips.firstChild) slot.appendChild(chips);
    if (!keep) return;
    var buttons = chips.querySelectorAll("button[data-facet]");
    for (var i = 0; i < buttons.length; i++) {
      if (buttons[i].getAttribute("data-facet") === keep[0] && buttons[i].getAttribute("data-value") === keep[1]) {
        buttons[i].focus();
        return;
      }
    }
  }

  function stagesOf(form) {
    var s = form.getAttribute("data-stages") || "";
    return s ? s.split(",") : [];
  }

  /* Header box: combobox with a listbox popup ------------------------------ */

  function setupBox(form) {
    var base = form.getAttribute("data-search-url") || "/search/";
    var input = form.querySelector("input[name=q]");
    var root = form.closest(".site-search") || form.parentNode;
    if (!input) return null;
    var stages = stagesOf(form);

    var popup = el("div", "search-popup");
    popup.hidden = true;
    var facetSlot = el("div", "search-popup__facets");
    var list = el("div", "search-popup__list");
    list.id = "pb-search-listbox";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Search results");
    list.hidden = true;
    var note = el("p", "search-popup__note");
    note.hidden = true;
    var more = el("a", "search-popup__more");
    more.hidden = true;
    popup.appendChild(facetSlot);
    popup.appendChild(list);
    popup.appendChild(note);
    popup.appendChild(more);
    var status = el("div", "visually-hidden");
    status.setAttribute("role", "status");
    status.setAttribute("aria-atomic", "true");
    var cancel = el("button", "search-box__cancel", "Cancel");
    cancel.type = "button";
    form.appendChild(cancel);
    root.appendChild(popup);
    root.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-keyshortcuts", "/ Control+K Meta+K");

    var filters = {};
    var options = [];
    var active = -1;
    var seq = 0;
    var timer = 0;
    var slowTimer = 0;
    var shownQuery = null; // the query whose results are in the popup

    function isOpen() { return !popup.hidden; }

    function open() {
      popup.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function close() {
      setActive(-1);
      popup.hidden = true;
      input.setAttribute("aria-expanded", "false");
    }

    function setActive(i) {
      if (active >= 0 && options[active]) options[active].setAttribute("aria-selected", "false");
      active = i;
      if (i < 0 || !options[i]) {
        active = -1;
        input.removeAttribute("aria-activedescendant");
        return;
      }
      options[i].setAttribute("aria-selected", "true");
      input.setAttribute("aria-activedescendant", options[i].id);
      if (options[i].scrollIntoView) options[i].scrollIntoView({ block: "nearest" });
    }

    function showNote(text) {
      note.textContent = text;
      note.hidden = !text;
    }

    // The count is announced once typing pauses, not on every keystroke.
    var announceTimer = 0;
    function announce(text) {
      window.clearTimeout(announceTimer);
      if (!text) {
        status.textContent = "";
        return;
      }
      announceTimer = window.setTimeout(function () { status.textContent = text; }, 500);
    }

    function clear() {
      ++seq;
      window.clearTimeout(timer);
      window.clearTimeout(slowTimer);
      options = [];
      active = -1;
      list.textContent = "";
      list.hidden = true;
      facetSlot.textContent = "";
      showNote("");
      more.hidden = true;
      shownQuery = null;
      announce("");
      close();
    }

    function option(href, className) {
      var a = el("a", "search-option" + (className ? " " + className : ""));
      a.href = href;
      a.id = "pb-search-option-" + ++uid;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      options.push(a);
      return a;
    }

    function render(query, resp) {
      options = [];
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.textContent = "";
      resp.results.forEach(function (r) {
        var a = option(resultURL(r), "");
        var head = el("span", "search-option__head");
        head.appendChild(badge(r.kind));
        head.appendChild(appendMarked(el("span", "search-option__title"), r.title));
        a.appendChild(head);
        if (markedText(r.excerpt)) a.appendChild(appendMarked(el("span", "search-option__excerpt"), r.excerpt));
        list.appendChild(a);
        (r.sections || []).forEach(function (s) {
          var sa = option(resultURL(r, s.anchor), "search-option--section");
          sa.appendChild(appendMarked(el("span", "search-option__heading"), s.heading));
          if (markedText(s.excerpt) && !sameText(s.excerpt, r.excerpt)) sa.appendChild(appendMarked(el("span", "search-option__excerpt"), s.excerpt));
          list.appendChild(sa);
        });
      });
      list.hidden = options.length === 0;
      replaceChips(facetSlot, facetChips(resp, filters, stages, function (facet, value) {
        toggleFilter(filters, facet, value);
        run();
      }));
      showNote(resp.total === 0 ? noResults(query, filters) : "");
      if (resp.total > resp.results.length) {
        more.textContent = "See all " + resp.total + " results";
        more.href = searchPageURL(base, query, filters);
        more.hidden = false;
      } else {
        more.hidden = true;
      }
      shownQuery = query;
      settled(popup, query, resp.total);
      open();
      announce(resp.total === 0 ? "No results" : plural(resp.total, "result", "results") +
        (resp.total > resp.results.length ? ", " + resp.results.length + " shown" : ""));
    }

    function run() {
      window.clearTimeout(timer);
      var query = input.value;
      if (!query.trim()) {
        clear();
        return;
      }
      var my = ++seq;
      window.clearTimeout(slowTimer);
      slowTimer = window.setTimeout(function () {
        if (my !== seq) return;
        if (shownQuery === null) {
          showNote("Searching\u2026");
          open();
        }
      }, SLOW);
      runSearch(base, query, copyFilters(filters), { limit: DROPDOWN_LIMIT, facets: FACET_NAMES }).then(function (resp) {
        if (my !== seq) return; // a newer search is on its way
        window.clearTimeout(slowTimer);
        render(query, resp);
      }, function (err) {
        if (my !== seq) return;
        window.clearTimeout(slowTimer);
        if (window.console && console.error) console.error(err);
        options = [];
        setActive(-1);
        list.textContent = "";
        list.hidden = true;
        facetSlot.textContent = "";
        more.hidden = true;
        shownQuery = null;
        settled(popup, query, -1);
        showNote(FAILED);
        open();
        announce(FAILED);
      });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, QUIET);
    }

    function go(a) {
      close();
      window.location.assign(a.href);
    }

    input.addEventListener("focus", function () {
      root.classList.add("is-active");
      openIndex(base).catch(function () {}); // reported by the search that needs it
      if (input.value.trim()) {
        if (shownQuery === input.value) open();
        else run();
      }
    });

    input.addEventListener("input", schedule);

    input.addEventListener("keydown", function (e) {
      if (e.isComposing || e.altKey) return;
      switch (e.key) {
        case "ArrowDown":
        case "Down":
        case "ArrowUp":
        case "Up":
          e.preventDefault();
          if (!isOpen()) {
            if (shownQuery !== null && shownQuery === input.value) open();
            else if (input.value.trim()) run();
            return;
          }
          if (!options.length) return;
          if (e.key === "ArrowDown" || e.key === "Down") setActive(active + 1 >= options.length ? 0 : active + 1);
          else setActive(active <= 0 ? options.length - 1 : active - 1);
          break;
        case "Enter":
          if (isOpen() && active >= 0 && options[active]) {
            e.preventDefault();
            go(options[active]);
          }
          // Otherwise the form submits: the search page.
          break;
        case "Escape":
        case "Esc":
          if (isOpen()) {
            e.preventDefault();
            close();
          } else if (input.value) {
            e.preventDefault();
            input.value = "";
            clear();
          }
          break;
      }
    });

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      window.location.assign(searchPageURL(base, input.value, filters));
    });

    // Keep focus in the box while the popup is used with a pointer.
    popup.addEventListener("mousedown", function (e) {
      if (e.button === 0) e.preventDefault();
    });

    // Choosing an option with the pointer closes the popup as it navigates.
    list.addEventListener("click", function (e) {
      var a = e.target.closest ? e.target.closest("a[role=option]") : null;
      if (a && !e.ctrlKey && !e.metaKey && !e.shiftKey) close();
    });

    cancel.addEventListener("click", function () {
      close();
      root.classList.remove("is-active");
      input.blur();
    });

    // Leaving the box and its popup (Tab, a click elsewhere) closes it.
    root.addEventListener("focusout", function (e) {
      if (e.relatedTarget && root.contains(e.relatedTarget)) return;
      close();
      root.classList.remove("is-active");
    });

    // Back from a result: the box keeps its text but not a stale popup.
    window.addEventListener("pageshow", function (e) {
      if (e.persisted && document.activeElement !== input) {
        close();
        root.classList.remove("is-active");
      }
    });

    return input;
  }

  /* Search page ------------------------------------------------------------ */

  function setupPage(form) {
    var base = form.getAttribute("data-search-url") || location.pathname;
    var input = form.querySelector("input[name=q]");
    var out = document.querySelector("[data-search-results]");
    if (!input || !out) return null;
    var stages = stagesOf(form);
    var title = document.title;

    var status = el("p", "search-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-atomic", "true");
    var facetSlot = el("div", "search-page__facets");
    var list = el("ol", "search-results");
    out.appendChild(status);
    out.appendChild(facetSlot);
    out.appendChild(list);

    var params = new URLSearchParams(location.search);
    var filters = {};
    FACET_NAMES.forEach(function (name) {
      var v = params.getAll(name).filter(Boolean);
      if (v.length) filters[name] = v;
    });
    input.value = params.get("q") || "";

    var seq = 0;
    var timer = 0;
    var slowTimer = 0;

    function sync() {
      var u = searchPageURL(location.pathname, input.value, filters);
      if (u !== location.pathname + location.search) history.replaceState(history.state, "", u);
      document.title = input.value.trim() ? input.value.trim() + " \u2013 " + title : title;
    }

    function render(query, resp) {
      list.textContent = "";
      resp.results.forEach(function (r) {
        var li = el("li", "search-result");
        li.appendChild(badge(r.kind));
        var h = el("h2", "search-result__title");
        var a = el("a");
        a.href = resultURL(r);
        appendMarked(a, r.title);
        h.appendChild(a);
        li.appendChild(h);
        if (markedText(r.excerpt)) li.appendChild(appendMarked(el("p", "search-result__excerpt"), r.excerpt));
        if (r.sections && r.sections.length) {
          var ul = el("ul", "search-result__sections");
          r.sections.forEach(function (s) {
            var sli = el("li");
            var sa = el("a", "search-result__section");
            sa.href = resultURL(r, s.anchor);
            appendMarked(sa, s.heading);
            sli.appendChild(sa);
            if (markedText(s.excerpt) && !sameText(s.excerpt, r.excerpt)) sli.appendChild(appendMarked(el("span", "search-result__excerpt"), s.excerpt));
            ul.appendChild(sli);
          });
          li.appendChild(ul);
        }
        list.appendChild(li);
      });
      replaceChips(facetSlot, facetChips(resp, filters, stages, function (facet, value) {
        toggleFilter(filters, facet, value);
        run();
      }));
      if (resp.total === 0) status.textContent = noResults(query, filters);
      else if (resp.total > resp.results.length) status.textContent = "The first " + resp.results.length + " of " + resp.total + " results for " + quote(query);
      else status.textContent = plural(resp.total, "result", "results") + " for " + quote(query);
      out.classList.remove("is-busy");
      settled(out, query, resp.total);
    }

    function run() {
      window.clearTimeout(timer);
      sync();
      var query = input.value;
      var my = ++seq;
      window.clearTimeout(slowTimer);
      if (!query.trim()) {
        list.textContent = "";
        facetSlot.textContent = "";
        status.textContent = "";
        out.classList.remove("is-busy");
        settled(out, "", 0);
        return;
      }
      slowTimer = window.setTimeout(function () {
        if (my !== seq) return;
        out.classList.add("is-busy");
        status.textContent = "Searching\u2026";
      }, SLOW);
      runSearch(base, query, copyFilters(filters), { limit: PAGE_LIMIT, facets: FACET_NAMES }).then(function (resp) {
        if (my !== seq) return;
        window.clearTimeout(slowTimer);
        render(query, resp);
      }, function (err) {
        if (my !== seq) return;
        window.clearTimeout(slowTimer);
        if (window.console && console.error) console.error(err);
        list.textContent = "";
        facetSlot.textContent = "";
        out.classList.remove("is-busy");
        status.textContent = FAILED;
        settled(out, query, -1);
      });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, QUIET);
    });
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      run();
      // On a phone, put the keyboard away to show the results.
      if (window.matchMedia && window.matchMedia("(hover: none)").matches) input.blur();
    });

    if (input.value.trim()) run();
    else {
      openIndex(base).catch(function () {});
      input.focus();
    }
    return input;
  }

  /* Highlighting the words searched on the page opened -------------------- */

  var WORD = null;
  try {
    WORD = new RegExp("[\\p{L}\\p{M}\\p{N}]+(?:['\u2019][\\p{L}\\p{M}\\p{N}]+)*", "gu");
  } catch (e) {
    WORD = /[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019][A-Za-z0-9\u00C0-\u024F]+)*/g;
  }

  function fold(w) {
    w = w.toLowerCase().replace(/['\u2019]/g, "");
    return w.normalize ? w.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : w;
  }

  var SKIP = "script, style, noscript, textarea, input, select, button, mark, svg, .anchor, .badge, .tag, .breadcrumbs, .pager, .page-meta, [aria-hidden=true]";

  function highlightPage() {
    var params = new URLSearchParams(location.search);
    var hl = params.get("hl");
    if (hl === null) return;
    // Drop hl from the address: a reload, a bookmark or a shared link
    // shows the page as it is.
    params.delete("hl");
    var rest = params.toString();
    if (history.replaceState) history.replaceState(history.state, "", location.pathname + (rest ? "?" + rest : "") + location.hash);

    var words = fold(hl).split(/[\s+]+/).filter(function (w) { return w.length > 1; }).slice(0, 12);
    var main = document.getElementById("pb-main") || document.querySelector("main");
    if (!words.length || !main) return;
    function wanted(w) {
      var f = fold(w);
      for (var i = 0; i < words.length; i++) {
        var h = words[i];
        if (f === h || (h.length >= 4 && f.length - h.length <= 3 && f.lastIndexOf(h, 0) === 0)) return true;
      }
      return false;
    }

    var nodes = [];
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) {
        if (!n.nodeValue.trim() || n.parentElement.closest(SKIP)) return NodeFilter.FILTER_REJECT;
        return NodeFilter.FILTER_ACCEPT;
      }
    });
    while (walker.nextNode()) nodes.push(walker.currentNode);

    var budget = 400;
    for (var i = 0; i < nodes.length && budget > 0; i++) {
      var text = nodes[i].nodeValue;
      var frag = null;
      var pos = 0;
      var m;
      WORD.lastIndex = 0;
      while ((m = WORD.exec(text)) !== null && budget > 0) {
        if (!wanted(m[0])) continue;
        frag = frag || document.createDocumentFragment();
        if (m.index > pos) frag.appendChild(document.createTextNode(text.slice(pos, m.index)));
        frag.appendChild(el("mark", "search-hit", m[0]));
        pos = m.index + m[0].length;
        budget--;
      }
      if (!frag) continue;
      if (pos < text.length) frag.appendChild(document.createTextNode(text.slice(pos)));
      nodes[i].parentNode.replaceChild(frag, nodes[i]);
    }

    var first = main.querySelector("mark.search-hit");
    if (!first || location.hash) return;
    var box = first.getBoundingClientRect();
    if (box.top < 0 || box.bottom > (window.innerHeight || document.documentElement.clientHeight)) {
      first.scrollIntoView({ block: "center" });
    }
  }

  // Escape (outside a field) takes the highlighting away.
  function clearHighlights() {
    var marks = document.querySelectorAll("mark.search-hit");
    for (var i = 0; i < marks.length; i++) {
      var parent = marks[i].parentNode;
      parent.replaceChild(document.createTextNode(marks[i].textContent), marks[i]);
      parent.normalize();
    }
  }

  /* Wiring ----------------------------------------------------------------- */

  function init() {
    var pageForm = document.querySelector("form[data-search-page]");
    var boxForm = document.querySelector("form[data-search-box]");
    var target = null;
    try {
      highlightPage();
    } catch (e) {
      if (window.console && console.error) console.error(e);
    }
    if (pageForm) target = setupPage(pageForm);
    if (boxForm) {
      var boxInput = setupBox(boxForm);
      target = target || boxInput;
    }

    document.addEventListener("keydown", function (e) {
      if (e.defaultPrevented || e.isComposing) return;
      var t = e.target;
      if ((e.key === "Escape" || e.key === "Esc") && !isEditable(t) && document.querySelector("mark.search-hit")) {
        clearHighlights();
        return;
      }
      if (!target) return;
      var slash = e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey;
      var k = (e.key === "k" || e.key === "K") && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey;
      if (!slash && !k) return;
      if (isEditable(t) && (slash || t !== target)) return;
      e.preventDefault();
      target.focus();
      target.select();
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
