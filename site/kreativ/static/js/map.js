/* Draws places on a Leaflet map: hubs, the catalogue's municipalities. The list on the page is the
   source of truth: when Leaflet or the tiles cannot load, the map is hidden or stays blank and the
   list still works. */
(function () {
  "use strict";
  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }
  document.querySelectorAll(".map[data-points]").forEach(function (element) {
    var source = document.getElementById(element.dataset.points);
    if (!source || typeof window.L === "undefined") {
      element.hidden = true;
      return;
    }
    var points = JSON.parse(source.textContent);
    var map = L.map(element, { scrollWheelZoom: false });
    if (element.dataset.tileUrl) {
      L.tileLayer(element.dataset.tileUrl, {
        maxZoom: 19,
        attribution: element.dataset.tileAttribution || ""
      }).addTo(map);
    }
    var markers = points.map(function (point) {
      var marker = L.marker([point.lat, point.lng], { title: point.title, alt: point.title, keyboard: true });
      var popup = '<a href="' + escapeHtml(point.url) + '">' + escapeHtml(point.title) + "</a>";
      if (point.kind) { popup += "<br>" + escapeHtml(point.kind); }
      if (point.address) { popup += "<br>" + escapeHtml(point.address); }
      marker.bindPopup(popup);
      return marker.addTo(map);
    });
    if (markers.length === 1) {
      map.setView(markers[0].getLatLng(), 15);
    } else {
      map.fitBounds(L.featureGroup(markers).getBounds().pad(0.15));
    }
    element.classList.add("map--ready");
  });
})();
