// newsgraph map: zoom and pan on the SVG world map (wheel, pinch, drag, buttons, keys) and
// places that overlap at the current zoom merged into one numbered bubble. The places
// come from the server-rendered <a class="place"> elements; names enter the page only
// through textContent, links only to /places/<id>.
(function () {
  "use strict";
  var box = document.getElementById("map");
  var svg = document.getElementById("map-svg");
  var layer = document.getElementById("map-dots");
  if (!box || !svg || !layer) { return; }
  var NS = "http://www.w3.org/2000/svg";
  var MAX_ZOOM = 64;
  var places = Array.prototype.map.call(layer.querySelectorAll("a.place"), function (a) {
    var href = a.getAttribute("href") || "";
    return {
      lat: parseFloat(a.dataset.lat), lon: parseFloat(a.dataset.lon), n: parseInt(a.dataset.n, 10) || 1,
      name: a.dataset.name || "", title: a.querySelector("title") ? a.querySelector("title").textContent : "",
      href: /^\/places\/\d+$/.test(href) ? href : null
    };
  }).filter(function (p) { return isFinite(p.lat) && isFinite(p.lon); });
  places.sort(function (a, b) { return b.n - a.n; });
  var view = { x: -180, y: -90, w: 360 };

  function radius(n) { return 5 + 3 * Math.sqrt(n); } // screen pixels
  function scale() { return svg.getBoundingClientRect().width / view.w || 1; } // pixels per degree

  function clamp() {
    view.w = Math.min(360, Math.max(360 / MAX_ZOOM, view.w));
    view.x = Math.min(180 - view.w, Math.max(-180, view.x));
    view.y = Math.min(90 - view.w / 2, Math.max(-90, view.y));
  }

  // Greedy clustering in screen space: the most-named place first; a place whose bubble
  // would overlap an existing bubble joins it.
  function clusters(px) {
    var out = [];
    places.forEach(function (p) {
      var x = p.lon * px, y = -p.lat * px;
      for (var i = 0; i < out.length; i++) {
        var c = out[i];
        var d = Math.sqrt((c.x - x) * (c.x - x) + (c.y - y) * (c.y - y));
        if (d < radius(c.n) + radius(p.n)) {
          c.members.push(p);
          c.n += p.n;
          return;
        }
      }
      out.push({ x: x, y: y, n: p.n, members: [p], lon: p.lon, lat: p.lat });
    });
    return out;
  }

  function el(name, attrs) {
    var e = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    return e;
  }

  function draw() {
    clamp();
    svg.setAttribute("viewBox", [view.x, view.y, view.w, view.w / 2].join(" "));
    var px = scale();
    layer.textContent = "";
    clusters(px).forEach(function (c) {
      var r = radius(c.n) / px;
      var group;
      if (c.members.length === 1) {
        var p = c.members[0];
        group = el("a", { "class": "place" });
        if (p.href) { group.setAttribute("href", p.href); }
        group.appendChild(el("circle", { cx: p.lon, cy: -p.lat, r: r, "class": "place-dot" }));
        var t = el("title", {});
        t.textContent = p.title;
        group.appendChild(t);
      } else {
        group = el("g", { "class": "cluster", tabindex: "0", role: "button" });
        var names = c.members.map(function (m) { return m.name; });
        group.setAttribute("aria-label", c.members.length + " places: " + names.slice(0, 8).join(", ") + (names.length > 8 ? "…" : "") + "; zoom in");
        group.appendChild(el("circle", { cx: c.lon, cy: -c.lat, r: r, "class": "cluster-dot" }));
        var label = el("text", { x: c.lon, y: -c.lat, "class": "cluster-count", "font-size": 11 / px, dy: "0.35em" });
        label.textContent = String(c.members.length);
        group.appendChild(label);
        var title = el("title", {});
        title.textContent = c.members.length + " places: " + names.join(", ");
        group.appendChild(title);
        group.addEventListener("click", function () { zoomTo(c.members); });
        group.addEventListener("keydown", function (event) {
          if (event.key === "Enter" || event.key === " ") { event.preventDefault(); zoomTo(c.members); }
        });
      }
      layer.appendChild(group);
    });
  }

  var pending = false;
  function redraw() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; draw(); });
  }

  // Zoom by `factor` keeping the point (cx, cy), in map degrees, where it is on screen.
  function zoom(factor, cx, cy) {
    var w = Math.min(360, Math.max(360 / MAX_ZOOM, view.w / factor));
    if (cx === undefined) { cx = view.x + view.w / 2; cy = view.y + view.w / 4; }
    view.x = cx - (cx - view.x) * (w / view.w);
    view.y = cy - (cy - view.y) * (w / view.w);
    view.w = w;
    redraw();
  }

  function zoomTo(members) {
    var lons = members.map(function (m) { return m.lon; }), lats = members.map(function (m) { return -m.lat; });
    var x0 = Math.min.apply(null, lons), x1 = Math.max.apply(null, lons);
    var y0 = Math.min.apply(null, lats), y1 = Math.max.apply(null, lats);
    var w = Math.max((x1 - x0) * 1.6, (y1 - y0) * 3.2, view.w / 4);
    view.w = Math.min(w, view.w / 2);
    view.x = (x0 + x1) / 2 - view.w / 2;
    view.y = (y0 + y1) / 2 - view.w / 4;
    redraw();
  }

  function pan(dx, dy) { view.x += dx; view.y += dy; redraw(); }

  function toMap(clientX, clientY) {
    var rect = svg.getBoundingClientRect();
    return { x: view.x + (clientX - rect.left) / rect.width * view.w,
             y: view.y + (clientY - rect.top) / rect.height * view.w / 2 };
  }

  svg.addEventListener("wheel", function (event) {
    event.preventDefault();
    var at = toMap(event.clientX, event.clientY);
    zoom(Math.exp(-event.deltaY * 0.002), at.x, at.y);
  }, { passive: false });

  // Drag to pan with one pointer, pinch to zoom with two; a drag is not a click.
  var pointers = {};
  var moved = 0;
  var pinch = null;
  svg.addEventListener("pointerdown", function (event) {
    pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
    moved = 0;
    pinch = null;
  });
  svg.addEventListener("pointermove", function (event) {
    var last = pointers[event.pointerId];
    if (!last) { return; }
    var ids = Object.keys(pointers);
    var px = scale();
    if (ids.length === 1) {
      var dx = event.clientX - last.x, dy = event.clientY - last.y;
      moved += Math.abs(dx) + Math.abs(dy);
      if (moved > 4 && !svg.hasPointerCapture(event.pointerId)) { svg.setPointerCapture(event.pointerId); }
      pan(-dx / px, -dy / px);
    } else if (ids.length === 2) {
      pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
      var a = pointers[ids[0]], b = pointers[ids[1]];
      var dist = Math.hypot(a.x - b.x, a.y - b.y);
      var mid = toMap((a.x + b.x) / 2, (a.y + b.y) / 2);
      if (pinch) { zoom(dist / pinch, mid.x, mid.y); }
      pinch = dist;
      moved = 99;
    }
    pointers[event.pointerId] = { x: event.clientX, y: event.clientY };
  });
  function up(event) { delete pointers[event.pointerId]; pinch = null; }
  svg.addEventListener("pointerup", up);
  svg.addEventListener("pointercancel", up);
  svg.addEventListener("click", function (event) {
    if (moved > 4) { event.preventDefault(); event.stopPropagation(); }
  }, true);

  box.querySelectorAll("button[data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom");
      if (how === "reset") { view = { x: -180, y: -90, w: 360 }; redraw(); } else { zoom(how === "in" ? 2 : 0.5); }
    });
  });

  box.addEventListener("keydown", function (event) {
    if (event.target !== box) { return; }
    var step = view.w / 8;
    var keys = {
      ArrowLeft: function () { pan(-step, 0); }, ArrowRight: function () { pan(step, 0); },
      ArrowUp: function () { pan(0, -step / 2); }, ArrowDown: function () { pan(0, step / 2); },
      "+": function () { zoom(2); }, "=": function () { zoom(2); }, "-": function () { zoom(0.5); },
      "0": function () { view = { x: -180, y: -90, w: 360 }; redraw(); }
    };
    if (keys[event.key]) { event.preventDefault(); keys[event.key](); }
  });

  window.addEventListener("resize", redraw);
  box.classList.add("interactive");
  draw();
  // for tests and bookmarklets: the current view and the bubbles drawn
  box.mapState = function () {
    return { view: { x: view.x, y: view.y, w: view.w }, zoom: 360 / view.w,
             bubbles: layer.children.length, clusters: layer.querySelectorAll("g.cluster").length };
  };
})();
