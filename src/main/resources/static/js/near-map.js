// The place list on a Leaflet map over the configured tile server (KOHTAAMO_MAP_TILES_URL): the markers come
// from the list's own data attributes, so the list stays the accessible alternative and nothing else is fetched.
(function () {
  'use strict';
  var el = document.getElementById('near-map');
  if (!el || typeof L === 'undefined') {
    return;
  }
  function escape(s) {
    var d = document.createElement('div');
    d.textContent = s;
    return d.innerHTML;
  }
  var map = L.map(el);
  L.tileLayer(el.getAttribute('data-tiles'), {
    maxZoom: 18,
    attribution: escape(el.getAttribute('data-attribution') || '')
  }).addTo(map);
  var bounds = [];
  document.querySelectorAll('[data-near-list] > [data-lat]').forEach(function (li) {
    var p = [parseFloat(li.getAttribute('data-lat')), parseFloat(li.getAttribute('data-lon'))];
    var a = document.createElement('a');
    a.href = li.getAttribute('data-href');
    a.textContent = li.getAttribute('data-name');
    L.marker(p, { title: li.getAttribute('data-name'), alt: li.getAttribute('data-name') }).bindPopup(a).addTo(map);
    bounds.push(p);
  });
  var olat = parseFloat(el.getAttribute('data-origin-lat'));
  var olon = parseFloat(el.getAttribute('data-origin-lon'));
  if (isFinite(olat) && isFinite(olon)) {
    L.circleMarker([olat, olon], { radius: 8 }).addTo(map);
    bounds.push([olat, olon]);
  }
  if (bounds.length) {
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 15 });
  } else {
    map.setView([64.9, 26.0], 5);
  }
}());
