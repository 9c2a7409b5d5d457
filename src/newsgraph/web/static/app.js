// newsgraph web UI: the article view's highlights (legend toggles, details, keyboard) and
// stacked table rows on narrow screens. Text goes into the page only through textContent;
// links only to same-site paths.
(function () {
  "use strict";

  // Tables: each cell learns its column's header (data-label), which the narrow-screen
  // CSS shows in front of it when the rows stack (app.css, "Narrow screens").
  document.querySelectorAll("table").forEach(function (table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return th.textContent.replace(/\s*[\u25B2\u25BC]\s*$/, "").trim();  // without a sort arrow
    });
    if (!heads.length) { return; }
    table.querySelectorAll("tbody tr").forEach(function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) {
        if (heads[i] && !td.hasAttribute("colspan")) { td.setAttribute("data-label", heads[i]); }
        if (!td.textContent.trim()) { td.classList.add("blank"); }
      });
    });
    table.classList.add("stackable");
  });

  var article = document.getElementById("article-text");
  if (!article) { return; }

  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      article.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });

  var details = document.getElementById("details");
  var home = details.parentNode;
  var homeNext = details.nextSibling;
  var body = document.getElementById("details-body");
  var link = document.getElementById("details-link");
  var closer = document.getElementById("details-close");
  var narrow = window.matchMedia("(max-width: 800px)");
  var pinned = null;

  function show(mark) {
    var lines = [];
    var href = null;
    for (var m = mark; m && m !== article; m = m.parentElement) {
      if (m.tagName === "MARK" && !article.classList.contains("hide-" + m.dataset.kind)) {
        lines.push(m.dataset.label);
        var h = m.dataset.href;
        if (!href && h && h.charAt(0) === "/" && h.charAt(1) !== "/") { href = h; }
      }
    }
    body.textContent = "";
    lines.forEach(function (line) {
      var p = document.createElement("div");
      p.className = "detail-line";
      p.textContent = line;
      body.appendChild(p);
    });
    body.classList.remove("muted");
    if (href) {
      link.setAttribute("href", href);
      link.textContent = href.indexOf("/quotes") === 0 ? "All quotes by this speaker" : "Open the entity page";
      link.hidden = false;
    } else {
      link.hidden = true;
    }
    article.querySelectorAll("mark.active").forEach(function (x) { x.classList.remove("active"); });
    mark.classList.add("active");
  }

  // On a narrow screen the details open as a panel right under the tapped mark's
  // paragraph (not below the whole article); on a wide one they stay in the side column.
  function open(mark) {
    pinned = mark;
    show(mark);
    var para = mark.closest(".para");
    if (narrow.matches && para) {
      para.parentNode.insertBefore(details, para.nextSibling);
      details.classList.add("popover");
      closer.hidden = false;
    }
  }

  function close() {
    var mark = pinned;
    pinned = null;
    if (details.classList.contains("popover")) {
      home.insertBefore(details, homeNext);
      details.classList.remove("popover");
      closer.hidden = true;
    }
    if (mark) { mark.focus(); }
  }
  closer.addEventListener("click", close);
  narrow.addEventListener("change", function () { if (!narrow.matches && details.classList.contains("popover")) { close(); } });

  function markOf(event) {
    var mark = event.target.closest ? event.target.closest("mark") : null;
    return mark && article.contains(mark) ? mark : null;
  }
  article.addEventListener("mouseover", function (event) {
    var mark = markOf(event);
    if (mark && !pinned) { show(mark); }
  });
  article.addEventListener("click", function (event) {
    var mark = markOf(event);
    if (mark) { open(mark); }
  });
  article.addEventListener("focusin", function (event) {
    var mark = markOf(event);
    if (mark && !pinned) { show(mark); }
  });

  // Roving tabindex: each paragraph is one tab stop (the mark last visited in it, at
  // first its first); the arrow keys move between its marks, Enter opens the details,
  // Escape closes them.
  function move(mark, step) {
    var para = mark.closest(".para");
    var marks = Array.prototype.slice.call(para.querySelectorAll("mark"));
    var i = Math.max(0, Math.min(marks.length - 1, marks.indexOf(mark) + step));
    marks.forEach(function (m) { m.setAttribute("tabindex", "-1"); });
    marks[i].setAttribute("tabindex", "0");
    marks[i].focus();
    if (pinned) { open(marks[i]); }
  }
  article.addEventListener("keydown", function (event) {
    var mark = markOf(event);
    if (!mark) { return; }
    var keys = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
    if (keys[event.key]) {
      event.preventDefault();
      move(mark, keys[event.key]);
    } else if (event.key === "Home" || event.key === "End") {
      event.preventDefault();
      move(mark, event.key === "Home" ? -1e9 : 1e9);
    } else if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      open(mark);
    } else if (event.key === "Escape") {
      close();
    }
  });
  details.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { close(); }
  });
})();
