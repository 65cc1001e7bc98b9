// microavg tutorial: the site's behaviour on every page (no framework, works from file://).
// The colour scheme itself is set in <head> before the first paint; this file adds the toggle,
// the contents list, code folding, scroll cues and search.
(function () {
  "use strict";
  var THEME_KEY = "microavg-theme";
  var root = document.documentElement;

  // --- colour scheme: the toggle, remembered in localStorage --------------------------------
  function setTheme(theme, remember) {
    root.setAttribute("data-theme", theme);
    // The button says what it switches to (a label that changes, so no aria-pressed).
    var other = theme === "dark" ? "light" : "dark";
    document.querySelectorAll(".ma-theme-toggle").forEach(function (button) {
      button.textContent = other === "dark" ? "Dark" : "Light";
      button.setAttribute("aria-label", "Switch to the " + other + " scheme");
      button.title = "Switch to the " + other + " scheme";
    });
    if (remember) {
      try { localStorage.setItem(THEME_KEY, theme); } catch (e) { /* private mode */ }
    }
  }

  function storedTheme() {
    try { return localStorage.getItem(THEME_KEY); } catch (e) { return null; }
  }

  function initTheme() {
    setTheme(root.getAttribute("data-theme") || "light", false);
    document.querySelectorAll(".ma-theme-toggle").forEach(function (button) {
      button.addEventListener("click", function () {
        setTheme(root.getAttribute("data-theme") === "dark" ? "light" : "dark", true);
      });
    });
    if (window.matchMedia) {
      var query = matchMedia("(prefers-color-scheme: dark)");
      var follow = function (event) {
        if (!storedTheme()) setTheme(event.matches ? "dark" : "light", false);
      };
      if (query.addEventListener) query.addEventListener("change", follow);
    }
  }

  // --- contents list: open beside the text on wide screens, folded on narrow ones ----------
  function initContents() {
    var toc = document.querySelector("details.ma-toc");
    if (!toc || !window.matchMedia) return;
    var wide = matchMedia("(min-width: 1180px)");
    var place = function () { toc.open = wide.matches; };
    place();
    if (wide.addEventListener) wide.addEventListener("change", place);
    toc.addEventListener("click", function (event) {
      if (event.target.closest("a") && !wide.matches) toc.open = false;
    });
  }

  // --- code folding: "show all code" opens every folded cell -------------------------------
  function initCode() {
    var folds = document.querySelectorAll("details.ma-code-fold");
    document.querySelectorAll(".ma-show-all-code").forEach(function (box) {
      box.addEventListener("change", function () {
        folds.forEach(function (fold) { fold.open = box.checked; });
      });
    });
    folds.forEach(function (fold) {
      fold.addEventListener("toggle", function () {
        fold.querySelector("summary").textContent = fold.open ? "hide code" : "show code";
      });
    });
  }

  // --- wide things scroll in their own box, with a visible cue -----------------------------
  var SCROLLERS = [
    "mjx-container[display=\"true\"]",
    ".ma-table-scroll",
    ".jp-InputArea-editor",
    ".jp-OutputArea-output pre",
    ".jupyter-widgets.jp-OutputArea-output",
    ".jp-RenderedHTML.jp-OutputArea-output",
    ".jp-RenderedImage",
  ].join(",");

  function wrapTables() {
    document.querySelectorAll("main table").forEach(function (table) {
      if (table.closest(".ma-table-scroll, .jupyter-widgets, .ma-cheatsheet")) return;
      var box = document.createElement("div");
      box.className = "ma-table-scroll";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    });
  }

  // On a phone a figure is never shown smaller than MIN_SCALE of its drawn size, so its text
  // stays readable: a wide figure scrolls sideways in its box instead. On a wide screen every
  // figure fits the column (a panel cut at the edge reads as missing, not as "scroll").
  var MIN_SCALE = 0.75;
  var WIDE = "(min-width: 1000px)";

  function sizeFigures() {
    if (window.matchMedia && matchMedia(WIDE).matches) {
      document.querySelectorAll(".jp-RenderedImage img").forEach(function (img) {
        img.style.width = "";
        img.style.maxWidth = "";
      });
      return;
    }
    document.querySelectorAll(".jp-RenderedImage img").forEach(function (img) {
      var drawn = Number(img.getAttribute("width")) || img.naturalWidth;
      var box = img.parentElement;
      img.style.width = "";
      img.style.maxWidth = "";
      if (drawn && box.clientWidth < drawn * MIN_SCALE) {
        img.style.width = Math.round(drawn * MIN_SCALE) + "px";
        img.style.maxWidth = "none";
      }
    });
  }

  // ipywidgets' sliders carry no name of their own: give each its widget's label.
  function nameSliders() {
    document.querySelectorAll(".widget-slider [role=slider]:not([aria-label])").forEach(
      function (handle) {
        var widget = handle.closest(".widget-slider");
        var label = widget && widget.querySelector(".widget-label");
        var text = label && label.textContent.trim();
        handle.setAttribute("aria-label", text || "slider");
      }
    );
  }

  function markScrollers() {
    sizeFigures();
    nameSliders();
    document.querySelectorAll(SCROLLERS).forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      box.classList.toggle("ma-scrolls", scrolls);
      if (scrolls && !box.hasAttribute("tabindex")) {
        // Keyboard readers can scroll it too (arrow keys once focused).
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", "wide content, scrolls sideways");
        box.setAttribute("data-ma-scroller", "");
      } else if (!scrolls && box.hasAttribute("data-ma-scroller")) {
        ["tabindex", "role", "aria-label", "data-ma-scroller"].forEach(function (name) {
          box.removeAttribute(name);
        });
      }
    });
  }

  // The page's <html> says data-ma-scrollers="marked" once every box has been looked at since
  // the content last changed ("pending" until then), so a test can wait for it.
  function initScrollers() {
    var root = document.documentElement;
    var timer = null;
    function mark() {
      markScrollers();
      root.setAttribute("data-ma-scrollers", "marked");
    }
    function later() {
      root.setAttribute("data-ma-scrollers", "pending");
      clearTimeout(timer);
      timer = setTimeout(mark, 150);
    }
    wrapTables();
    mark();
    window.addEventListener("resize", later);
    window.addEventListener("load", later);
    // Widgets draw after load, later still on a slow phone, and explorers redraw as they are
    // used: look again once the content has stopped changing.
    new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
  }

  // --- search: MiniSearch over an index built with the site --------------------------------
  var search = null;
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  // MiniSearch's UMD bundle registers with RequireJS when a lesson page has it; hide
  // RequireJS while it loads so that it defines the global MiniSearch, as everywhere else.
  function loadGlobal(src) {
    var define = window.define;
    window.define = undefined;
    var restore = function () { window.define = define; };
    return loadScript(src).then(restore, function (error) { restore(); throw error; });
  }

  function loadSearch() {
    if (!loading) {
      loading = loadGlobal("assets/minisearch/dist/umd/index.js")
        .then(function () { return loadScript("assets/search-index.js"); })
        .then(function () {
          var data = window.MICROAVG_SEARCH;
          search = {
            index: MiniSearch.loadJS(data.index, data.options),
            docs: data.docs,
          };
          return search;
        });
    }
    return loading;
  }

  function snippet(text, terms) {
    var lower = text.toLowerCase();
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = lower.indexOf(terms[i].toLowerCase());
    var start = Math.max(0, at - 60);
    return (start > 0 ? "…" : "") + text.slice(start, start + 160) + "…";
  }

  function showResults(input, list, status) {
    var query = input.value.trim();
    list.textContent = "";
    if (!query || !search) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    var found = search.index.search(query, { prefix: true, fuzzy: 0.15, combineWith: "AND" });
    if (!found.length) {
      found = search.index.search(query, { prefix: true, fuzzy: 0.2 });
    }
    found.slice(0, 8).forEach(function (hit) {
      var doc = search.docs[hit.id];
      var item = document.createElement("li");
      var link = document.createElement("a");
      var at = doc.url.indexOf("#");
      link.href = doc.url.slice(0, at) + "?highlight=" + encodeURIComponent(query) +
        doc.url.slice(at);
      link.className = "ma-search-hit";
      var title = document.createElement("span");
      title.className = "ma-hit-title";
      title.textContent = doc.title;
      var where = document.createElement("span");
      where.className = "ma-hit-page";
      where.textContent = doc.page;
      var text = document.createElement("span");
      text.className = "ma-hit-text";
      text.textContent = snippet(doc.text, hit.terms);
      link.appendChild(title);
      link.appendChild(where);
      link.appendChild(text);
      item.appendChild(link);
      list.appendChild(item);
    });
    list.hidden = false;
    status.textContent = found.length
      ? Math.min(found.length, 8) + " of " + found.length + " sections found"
      : "nothing found";
    if (!found.length) {
      var none = document.createElement("li");
      none.className = "ma-search-none";
      none.textContent = "Nothing found for “" + query + "”.";
      list.appendChild(none);
    }
  }

  function initSearch() {
    var input = document.getElementById("ma-search-input");
    var list = document.getElementById("ma-search-results");
    var status = document.getElementById("ma-search-status");
    if (!input || !list) return;
    var run = function () {
      loadSearch()
        .then(function () { showResults(input, list, status); })
        .catch(function (error) {
          status.textContent = "search is unavailable: " + error.message;
          console.error("microavg search:", error);
        });
    };
    input.addEventListener("focus", function () { loadSearch(); });
    input.addEventListener("input", run);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        var first = list.querySelector("a");
        if (first) { event.preventDefault(); first.click(); }
      } else if (event.key === "Escape") {
        input.value = "";
        run();
      } else if (event.key === "ArrowDown") {
        var hit = list.querySelector("a");
        if (hit) { event.preventDefault(); hit.focus(); }
      }
    });
    list.addEventListener("keydown", function (event) {
      var links = Array.prototype.slice.call(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "ArrowDown" && at < links.length - 1) { event.preventDefault(); links[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at > 0 ? links[at - 1] : input).focus(); }
      if (event.key === "Escape") { input.focus(); list.hidden = true; }
    });
    list.addEventListener("click", function (event) {
      if (event.target.closest("a")) list.hidden = true;
    });
    document.addEventListener("click", function (event) {
      if (!event.target.closest(".ma-search")) list.hidden = true;
    });
  }

  // --- where a search result lands: mark the words searched for in that section ----------
  var HEADING = /^H([1-6])$/;

  function wordsPattern(query) {
    var words = query.split(/\s+/).filter(Boolean).map(function (word) {
      return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    return words.length ? new RegExp("(" + words.join("|") + ")[\\w-]*", "i") : null;
  }

  function markSearchHit() {
    var query = new URLSearchParams(location.search).get("highlight");
    // nbconvert's heading ids may hold %-escapes themselves: try the hash as it is first.
    var id = location.hash.slice(1);
    var start = id && (document.getElementById(id) ||
                       document.getElementById(decodeURIComponent(id)));
    var pattern = query && wordsPattern(query);
    if (!start || !pattern) return;
    var level = HEADING.test(start.tagName) ? Number(start.tagName[1]) : 9;
    var walker = document.createTreeWalker(
      document.querySelector("main") || document.body,
      NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT
    );
    walker.currentNode = start;
    for (var node = start; node; node = walker.nextNode()) {
      if (node.nodeType === 1 && node !== start && !start.contains(node)) {
        var heading = HEADING.exec(node.tagName);
        var next = start.tagName === "DT" && node.tagName === "DT";
        if (next || (heading && Number(heading[1]) <= level)) return;
        continue;
      }
      if (node.nodeType !== 3) continue;
      var skip = node.parentElement.closest(
        ".jp-CodeCell, script, style, mjx-container, .anchor-link");
      var found = !skip && pattern.exec(node.nodeValue);
      if (!found) continue;
      var hit = node.splitText(found.index);
      hit.splitText(found[0].length);
      var mark = document.createElement("mark");
      mark.className = "ma-search-mark";
      hit.parentNode.replaceChild(mark, hit);
      mark.appendChild(hit);
      return;
    }
  }

  function start() {
    initTheme();
    initContents();
    initCode();
    initScrollers();
    initSearch();
    markSearchHit();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
