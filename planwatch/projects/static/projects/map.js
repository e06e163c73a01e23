/* The battle map: projects as coloured markers in clusters over the regions of the layout.
   Works with no tile server: the regions are drawn on a plain background. */
(function () {
  "use strict";
  var el = document.getElementById("map");
  if (!el || !window.L) { return; }
  var started = performance.now();
  var map = L.map(el, { preferCanvas: true, minZoom: 3, maxZoom: 18 }).setView([43.95, 125.45], 9);
  if (el.dataset.tileUrl) {
    L.tileLayer(el.dataset.tileUrl, { maxZoom: 18 }).addTo(map);
  }
  /* Names come from users: Leaflet reads a string as HTML, so hand it a text node. */
  function textOf(value) {
    var span = document.createElement("span");
    span.textContent = value == null ? "" : String(value);
    return span;
  }
  var roleStyle = {
    master: { color: "#0b5cad", weight: 2, fillOpacity: 0.05 },
    wing: { color: "#5b6675", weight: 2, fillOpacity: 0.05 },
    ring: { color: "#8c564b", weight: 1.5, dashArray: "6 4", fillOpacity: 0 },
    ray: { color: "#9467bd", weight: 2, dashArray: "2 6" },
    zone_initial: { color: "#c5221f", weight: 2.5, fillOpacity: 0.12 },
    zone_planned: { color: "#c5221f", weight: 1.5, dashArray: "8 4", fillOpacity: 0.04 },
    park: { color: "#1e8e3e", weight: 1.5, fillOpacity: 0.15 },
    circle: { color: "#17becf", weight: 1, dashArray: "3 3", fillOpacity: 0 },
    place: { color: "#333", weight: 1 }
  };
  fetch(el.dataset.regionsUrl, { credentials: "same-origin" })
    .then(function (r) { return r.json(); })
    .then(function (data) {
      L.geoJSON(data, {
        style: function (f) { return roleStyle[f.properties.role] || roleStyle.place; },
        pointToLayer: function (f, latlng) {
          return L.circleMarker(latlng, { radius: 4, color: "#333", weight: 1, fillOpacity: 0.6 });
        },
        onEachFeature: function (f, layer) { layer.bindTooltip(textOf(f.properties.name), { sticky: true }); },
        interactive: true
      }).addTo(map).bringToBack();
      el.dataset.regions = String(data.features.length);
    });

  var status = document.getElementById("map-status");
  var form = document.getElementById("map-filters");
  var data = null;
  var markers = [];
  /* How alarming each light is (done, on track, at risk, overdue, stopped): a cluster
     takes the colour of its most alarming project. */
  var rank = [1, 2, 3, 4, 0];
  var cluster = L.markerClusterGroup({
    chunkedLoading: true,
    showCoverageOnHover: false,
    maxClusterRadius: 50,
    iconCreateFunction: function (c) {
      var children = c.getAllChildMarkers(), best = 0, i, r;
      for (i = 0; i < children.length; i++) {
        r = rank[children[i].options.light];
        if (r > best) { best = r; }
      }
      var light = rank.indexOf(best);
      var n = c.getChildCount(), size = n < 100 ? 34 : n < 1000 ? 42 : 50;
      return L.divIcon({
        html: '<div class="pw-cluster" style="width:' + size + "px;height:" + size +
          "px;background:" + data.lights[light][2] + '"><span>' + n + "</span></div>",
        className: "", iconSize: L.point(size, size)
      });
    }
  });
  map.addLayer(cluster);
  window.planwatchMap = { map: map, cluster: cluster };  /* for the console and browser tests */

  function popupFor(marker) {
    var url = el.dataset.popupUrl.replace(/0\/$/, marker.options.pk + "/");
    marker.bindPopup(textOf(el.dataset.loading)).openPopup();
    fetch(url, { credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) { marker.setPopupContent(html); });
  }

  function selected() {
    var f = {};
    ["stage", "industry", "park", "country", "unit"].forEach(function (name) {
      f[name] = form.elements[name].value;
    });
    return f;
  }

  function draw() {
    var f = selected(), shown = [], counts = [0, 0, 0, 0, 0];
    var stageIndex = f.stage ? data.stages.map(function (s) { return s[0]; }).indexOf(f.stage) : -1;
    for (var i = 0; i < markers.length; i++) {
      var row = data.p[i];
      if (stageIndex >= 0 && row[4] !== stageIndex) { continue; }
      if (f.industry && (data.industries[row[5]] || [])[0] !== f.industry) { continue; }
      if (f.park && String(row[6]) !== f.park) { continue; }
      if (f.country && (data.countries[row[7]] || [])[0] !== f.country) { continue; }
      if (f.unit && String(row[8]) !== f.unit) { continue; }
      shown.push(markers[i]);
      counts[row[3]]++;
    }
    cluster.clearLayers();
    cluster.addLayers(shown);
    var legend = document.getElementById("legend");
    legend.innerHTML = "";
    data.lights.forEach(function (l, k) {
      var li = document.createElement("li");
      li.innerHTML = '<span class="light" style="--c:' + l[2] + '"><span class="dot"></span></span> ';
      li.appendChild(document.createTextNode(l[1] + ": " + counts[k]));
      legend.appendChild(li);
    });
    status.textContent = el.dataset.shown.replace("%(shown)s", shown.length)
      .replace("%(total)s", markers.length);
    el.dataset.drawn = String(shown.length);
  }

  fetch(el.dataset.dataUrl, { credentials: "same-origin" })
    .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
    .then(function (json) {
      data = json;
      for (var i = 0; i < data.p.length; i++) {
        var row = data.p[i];
        /* Coordinates come as whole numbers of 1/scale degree: shorter and faster to write. */
        var m = L.circleMarker([row[1] / data.scale, row[2] / data.scale], {
          radius: 7, weight: 1.5, color: "#fff", fillColor: data.lights[row[3]][2],
          fillOpacity: 0.95, pk: row[0], light: row[3]
        });
        m.on("click", function (e) { popupFor(e.target); });
        markers.push(m);
      }
      draw();
      requestAnimationFrame(function () {
        el.dataset.ready = String(Math.round(performance.now() - started));
      });
      form.addEventListener("change", function () {
        draw();
        if (cluster.getLayers().length) {
          map.fitBounds(cluster.getBounds(), { maxZoom: 13, padding: [30, 30] });
        }
      });
    })
    .catch(function () { status.textContent = el.dataset.failed; });
}());
