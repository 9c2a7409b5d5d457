// newsgraph article view: a link to a span (/documents/ID#span-START-END, docs/web.md)
// scrolls to those characters of the article and outlines them. START and END are
// offsets into the record's text, which is the text content of #article-text.
(function () {
  "use strict";
  var article = document.getElementById("article-text");
  if (!article) { return; }
  var FRAGMENT = /^#span-(\d+)-(\d+)$/;

  // The text nodes of the article overlapping [start, end), each with the part inside it.
  function pieces(start, end) {
    var walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    var out = [];
    var seen = 0;
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var n = node.nodeValue.length;
      var from = Math.max(start - seen, 0);
      var to = Math.min(end - seen, n);
      if (from < to) { out.push({ node: node, from: from, to: to }); }
      seen += n;
      if (seen >= end) { break; }
    }
    return out;
  }

  function clear() {
    article.querySelectorAll("span.cited").forEach(function (span) {
      var parent = span.parentNode;
      while (span.firstChild) { parent.insertBefore(span.firstChild, span); }
      parent.removeChild(span);
      parent.normalize();
    });
  }

  function show() {
    clear();
    var match = FRAGMENT.exec(window.location.hash);
    if (!match) { return; }
    var start = parseInt(match[1], 10);
    var end = parseInt(match[2], 10);
    if (!(start < end)) { return; }
    var first = null;
    pieces(start, end).forEach(function (p) {
      var range = document.createRange();
      range.setStart(p.node, p.from);
      range.setEnd(p.node, p.to);
      var span = document.createElement("span");
      span.className = "cited";
      range.surroundContents(span);
      if (!first) { first = span; }
    });
    if (first) {
      first.id = "cited";
      first.setAttribute("tabindex", "-1");
      first.scrollIntoView({ block: "center" });
      first.focus({ preventScroll: true });
    }
  }

  window.addEventListener("hashchange", show);
  show();
}());
