// newsgraph article view: legend toggles and highlight details.
// Text goes into the page only through textContent; links only to same-site paths.
(function () {
  "use strict";
  var article = document.getElementById("article-text");
  if (!article) { return; }

  document.querySelectorAll("input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      article.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });

  var body = document.getElementById("details-body");
  var link = document.getElementById("details-link");

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

  function handler(event) {
    var mark = event.target.closest ? event.target.closest("mark") : null;
    if (mark && article.contains(mark)) { show(mark); }
  }
  article.addEventListener("mouseover", handler);
  article.addEventListener("click", handler);
  article.addEventListener("focusin", handler);
})();
