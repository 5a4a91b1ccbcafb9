/*
 * Playbook default theme: small progressive enhancements.
 * Vanilla JavaScript, no dependencies, loaded with defer. Every feature
 * checks for its elements first, so the script is safe on any page, and the
 * site works without it (the navigation is then simply always visible).
 *
 * - Menu button: shows and hides the section navigation on small screens.
 * - Print button: prints a play as a call prep sheet.
 * - Copy buttons: copy a script (a quote in the body of an objection,
 *   closing tool, persona or play, and the one pulled up to the first
 *   screen) to the clipboard as clean text, and announce "Copied".
 * - Review status: the build marks a page overdue as of the day it was
 *   built; a site read months later re-judges it against today.
 */
(function () {
  "use strict";

  var root = document.documentElement;
  root.classList.add("js");

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  /* One polite live region for short announcements. */
  var live = null;
  var liveTimer = 0;
  function announce(message) {
    if (!live) {
      live = document.createElement("div");
      live.className = "visually-hidden";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      document.body.appendChild(live);
    }
    live.textContent = "";
    window.clearTimeout(liveTimer);
    // Changing the text after a tick makes screen readers repeat a message.
    liveTimer = window.setTimeout(function () {
      live.textContent = message;
    }, 60);
  }

  /* Navigation toggle ---------------------------------------------------- */

  function setupNav() {
    var toggle = document.querySelector(".nav-toggle");
    if (!toggle) return;
    var nav = document.getElementById(toggle.getAttribute("aria-controls") || "pb-site-nav");
    if (!nav) return;

    function setOpen(open, returnFocus) {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
      root.classList.toggle("nav-open", open);
      if (open) {
        var current = nav.querySelector('[aria-current="page"]');
        if (current && current.scrollIntoView) current.scrollIntoView({ block: "nearest" });
      } else if (returnFocus) {
        toggle.focus();
      }
    }

    toggle.hidden = false;
    setOpen(false);

    toggle.addEventListener("click", function () {
      setOpen(toggle.getAttribute("aria-expanded") !== "true");
    });

    document.addEventListener("keydown", function (event) {
      if ((event.key === "Escape" || event.key === "Esc") && nav.classList.contains("is-open")) {
        setOpen(false, true);
      }
    });

    // Following a link (including a same-page anchor) closes the menu.
    nav.addEventListener("click", function (event) {
      var target = event.target;
      if (target && target.closest && target.closest("a")) setOpen(false);
    });

    // Growing past the phone layout closes the menu, so it is not stuck open.
    if (window.matchMedia) {
      var wide = window.matchMedia("(min-width: 60rem)");
      var onChange = function (event) {
        if (event.matches) setOpen(false);
      };
      if (wide.addEventListener) wide.addEventListener("change", onChange);
      else if (wide.addListener) wide.addListener(onChange);
    }
  }

  /* Print button --------------------------------------------------------- */

  function setupPrint() {
    if (typeof window.print !== "function") return;
    each("[data-print]", function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        window.print();
      });
    });
  }

  /* Copy talk tracks ----------------------------------------------------- */

  function quoteText(blockquote) {
    var clone = blockquote.cloneNode(true);
    // Not the button, nor text only for screen readers or tooltips.
    Array.prototype.forEach.call(clone.querySelectorAll("button, .visually-hidden, [role=tooltip], sup"), function (el) {
      el.parentNode.removeChild(el);
    });
    var blocks = clone.querySelectorAll("p, li");
    var parts = [];
    if (blocks.length) {
      Array.prototype.forEach.call(blocks, function (el) {
        var text = el.textContent.replace(/\s+/g, " ").trim();
        if (text) parts.push(el.tagName === "LI" ? "- " + text : text);
      });
    } else {
      parts.push(clone.textContent.replace(/\s+/g, " ").trim());
    }
    return parts.join("\n\n");
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.top = "0";
    area.style.left = "0";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).catch(function () {
        if (!fallbackCopy(text)) throw new Error("copy failed");
      });
    }
    return new Promise(function (resolve, reject) {
      if (fallbackCopy(text)) resolve();
      else reject(new Error("copy failed"));
    });
  }

  function setupCopy() {
    var scripts = ".lead--script > blockquote, .objection .response .prose > blockquote, .closing-tool .prose > blockquote, " +
      ".persona .prose > blockquote, .play .prose > blockquote";
    each(scripts, function (blockquote) {
      if (blockquote.querySelector(".copy-button")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "copy-button";
      var label = document.createElement("span");
      label.className = "copy-button__label";
      label.textContent = "Copy";
      var hint = document.createElement("span");
      hint.className = "visually-hidden";
      hint.textContent = " script";
      button.appendChild(label);
      button.appendChild(hint);
      var timer = 0;
      button.addEventListener("click", function () {
        copyText(quoteText(blockquote)).then(
          function () {
            label.textContent = "Copied";
            button.classList.add("is-copied");
            announce("Copied");
            window.clearTimeout(timer);
            timer = window.setTimeout(function () {
              label.textContent = "Copy";
              button.classList.remove("is-copied");
            }, 2000);
          },
          function () {
            announce("Could not copy. Select the text and copy it instead.");
          }
        );
      });
      blockquote.insertBefore(button, blockquote.firstChild);
    });
  }

  function isoDay(d) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  /* Each review badge (the trust line's, the page end's) and the due date. */
  function setupReviewStatus() {
    var due = document.querySelector("time[data-review-due]");
    var now = new Date();
    var today = isoDay(now);
    var soon = isoDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 14));
    function stateOf(when) {
      return when < today ? "overdue" : when < soon ? "due-soon" : "ok";
    }
    if (due) due.className = "review review--" + stateOf(due.getAttribute("datetime"));
    each("[data-review-badge]", function (badge) {
      var when = badge.getAttribute("data-due") || (due && due.getAttribute("datetime"));
      if (!when) return;
      var state = stateOf(when);
      badge.textContent = "";
      if (state === "ok") return;
      var el = document.createElement(state === "overdue" ? "strong" : "span");
      el.className = "review review--" + state;
      el.textContent = state === "overdue" ? "Overdue" : "Due soon";
      badge.appendChild(document.createTextNode(" "));
      badge.appendChild(el);
    });
  }

  function init() {
    var steps = [setupNav, setupPrint, setupCopy, setupReviewStatus];
    for (var i = 0; i < steps.length; i++) {
      try {
        steps[i]();
      } catch (e) {
        // One failing enhancement must not stop the others.
        if (window.console && console.error) console.error(e);
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/* ==== Glossary term tooltips ==============================================
 * a.term links a term's first mention; its definition, hidden in .term-tips,
 * is the link's aria-describedby. Shown on hover, focus and a first tap
 * (with "Open term"); Escape or a tap elsewhere closes it. */
(function () {
  "use strict";

  function setup() {
    var box = document.querySelector(".term-tips");
    if (!box || !document.querySelector("a.term")) return;
    // Out of the article: positioned against the page, never clipped.
    document.body.appendChild(box);
    var open = null; // { link, tip }
    var pinned = false; // opened by a tap: stays until dismissed
    var touch = false; // the last pointer was a finger
    var timer = 0;

    function closest(el, sel) {
      return el && el.closest ? el.closest(sel) : null;
    }

    function tipOf(link) {
      var tip = document.getElementById(link.getAttribute("aria-describedby") || "");
      return tip && tip.classList.contains("term-tip") ? tip : null;
    }

    function place(link, tip) {
      var r = link.getClientRects()[0] || link.getBoundingClientRect();
      var base = (tip.offsetParent || document.body).getBoundingClientRect();
      var w = tip.offsetWidth;
      var h = tip.offsetHeight;
      var room = document.documentElement.clientWidth;
      var left = Math.max(8, Math.min(r.left, room - w - 8));
      var top = r.bottom + 6;
      if (top + h > window.innerHeight - 8 && r.top - h - 6 > 8) top = r.top - h - 6;
      tip.style.left = left - base.left + "px";
      tip.style.top = top - base.top + "px";
    }

    function hide() {
      window.clearTimeout(timer);
      if (!open) return;
      var more = open.tip.querySelector(".term-tip__open");
      if (more) open.tip.removeChild(more);
      open.tip.hidden = true;
      open = null;
      pinned = false;
    }

    function show(link, pin) {
      var tip = tipOf(link);
      if (!tip) return;
      window.clearTimeout(timer);
      if (open && open.tip !== tip) hide();
      if (pin && !tip.querySelector(".term-tip__open")) {
        var more = document.createElement("a");
        more.className = "term-tip__open";
        more.href = link.href;
        more.textContent = "Open term";
        tip.appendChild(more);
      }
      pinned = pin || pinned;
      tip.hidden = false;
      place(link, tip);
      open = { link: link, tip: tip };
    }

    function inside(el) {
      return open && el && (open.link.contains(el) || open.tip.contains(el));
    }

    document.addEventListener("pointerdown", function (e) {
      touch = e.pointerType === "touch";
    }, true);

    document.addEventListener("pointerover", function (e) {
      if (e.pointerType === "touch") return;
      var link = closest(e.target, "a.term");
      if (link) show(link, false);
      else if (inside(e.target)) window.clearTimeout(timer);
    });

    document.addEventListener("pointerout", function (e) {
      if (e.pointerType === "touch" || !open || pinned || !inside(e.target) || inside(e.relatedTarget)) return;
      if (document.activeElement === open.link) return; // focus keeps it open
      window.clearTimeout(timer);
      timer = window.setTimeout(hide, 300);
    });

    document.addEventListener("focusin", function (e) {
      var link = closest(e.target, "a.term");
      if (link && !touch) show(link, false);
      else if (open && !inside(e.target)) hide();
    });

    document.addEventListener("focusout", function (e) {
      if (open && !pinned && e.target === open.link && !inside(e.relatedTarget)) hide();
    });

    document.addEventListener("keydown", function (e) {
      touch = false;
      if ((e.key === "Escape" || e.key === "Esc") && open) {
        var link = open.link;
        var back = open.tip.contains(document.activeElement);
        hide();
        if (back) link.focus();
      }
    });

    document.addEventListener("click", function (e) {
      var link = closest(e.target, "a.term");
      if (link && touch) {
        // First tap shows the definition; a second one follows the link.
        if (!(open && pinned && open.link === link)) {
          e.preventDefault();
          show(link, true);
        }
        return;
      }
      if (open && pinned && !inside(e.target)) hide();
    });

    // Phones resize as the address bar hides: follow the link, not close.
    window.addEventListener("resize", function () {
      if (open) place(open.link, open.tip);
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
/* ==== end glossary term tooltips ==== */
