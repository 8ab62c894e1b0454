/* A place's coordinates on a map (kreativ/location_panel.py). The latitude and longitude fields stay
   the truth: a click on the map or a dragged marker writes them, typed values move the marker, and
   "Find from address" writes them only when the geocoder found the place. When Leaflet is missing
   the map stays hidden and the fields and the lookup still work. */
(function () {
  "use strict";
  var DEFAULT_VIEW = { center: [49.0, 15.8], zoom: 6 }; // Czechia and Slovenia

  function setUp(element) {
    var data = element.dataset;
    var latitude = document.getElementById(data.latitudeInput);
    var longitude = document.getElementById(data.longitudeInput);
    var status = element.querySelector("[data-status]");
    if (!latitude || !longitude) {
      return;
    }
    var map = null;
    var marker = null;

    function typed() {
      var lat = parseFloat(latitude.value);
      var lng = parseFloat(longitude.value);
      if (isNaN(lat) || isNaN(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) {
        return null;
      }
      return [lat, lng];
    }
    function write(lat, lng) {
      latitude.value = Number(lat).toFixed(6);
      longitude.value = Number(lng).toFixed(6);
      [latitude, longitude].forEach(function (input) {
        input.dispatchEvent(new Event("change", { bubbles: true }));
      });
    }
    function place(point, zoom) {
      if (!map) {
        return;
      }
      if (!marker) {
        marker = L.marker(point, { draggable: true, keyboard: true, autoPan: true }).addTo(map);
        marker.on("dragend", function () {
          var at = marker.getLatLng();
          write(at.lat, at.lng);
        });
      } else {
        marker.setLatLng(point);
      }
      if (zoom) {
        map.setView(point, zoom);
      }
    }

    if (typeof window.L !== "undefined") {
      var container = element.querySelector("[data-map]");
      container.hidden = false;
      map = L.map(container, { scrollWheelZoom: false });
      if (data.tileUrl) {
        L.tileLayer(data.tileUrl, { maxZoom: 19, attribution: data.tileAttribution || "" }).addTo(map);
      }
      var start = typed();
      if (start) {
        map.setView(start, 15);
        place(start);
      } else {
        map.setView(DEFAULT_VIEW.center, DEFAULT_VIEW.zoom);
      }
      map.on("click", function (event) {
        place(event.latlng);
        write(event.latlng.lat, event.latlng.lng);
      });
      [latitude, longitude].forEach(function (input) {
        input.addEventListener("input", function () {
          var point = typed();
          if (point) {
            place(point, map.getZoom() < 12 ? 15 : null);
          }
        });
      });
    }

    var button = element.querySelector("[data-geocode]");
    if (!button) {
      return;
    }
    button.addEventListener("click", function () {
      var query = new URLSearchParams();
      [["street", data.streetInput], ["postal_code", data.postalCodeInput], ["city", data.cityInput],
        ["country", data.countryInput]].forEach(function (part) {
        var input = part[1] && document.getElementById(part[1]);
        if (input && input.value.trim()) {
          query.set(part[0], input.value.trim());
        }
      });
      status.textContent = data.searchingMessage;
      button.disabled = true;
      fetch(data.geocodeUrl + "?" + query.toString(), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.json().then(function (answer) {
            return { ok: response.ok, answer: answer };
          });
        })
        .then(function (result) {
          status.textContent = result.answer.message || "";
          if (result.ok && result.answer.found) {
            write(result.answer.latitude, result.answer.longitude);
            place([parseFloat(result.answer.latitude), parseFloat(result.answer.longitude)], 16);
          }
        })
        .catch(function () {
          status.textContent = data.failedMessage;
        })
        .then(function () {
          button.disabled = false;
        });
    });
  }

  function start() {
    document.querySelectorAll("[data-kreativ-location]").forEach(setUp);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
