// "Near me" in the browser (issue 16 part 5): orders the lists marked data-near-list by distance from the
// browser's location. The location is read here, used here and forgotten: it is never sent to the server,
// stored, or put into an address. The server-rendered order (by a place or a municipality centre) works
// without this script.
(function () {
  'use strict';
  var button = document.querySelector('[data-near-device]');
  if (!button || !('geolocation' in navigator)) {
    return;
  }
  var status = document.getElementById('near-status');
  var lang = document.documentElement.lang || 'fi';
  var R = 6371008.8;

  function rad(d) { return d * Math.PI / 180; }

  // the same haversine as shared.GeoDistance
  function metres(lat1, lon1, lat2, lon2) {
    var dp = rad(lat2 - lat1);
    var dl = rad(lon2 - lon1);
    var a = Math.sin(dp / 2) * Math.sin(dp / 2)
      + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(dl / 2) * Math.sin(dl / 2);
    return 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
  }

  // as registry.NearPoint.distanceText: "850 m", "1,2 km" (fi, sv) or "1.2 km" (en), whole km from ten
  function text(m) {
    if (m < 1000) {
      return Math.round(m / 10) * 10 + '\u00a0m';
    }
    var digits = m < 10000 ? 1 : 0;
    return new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(m / 1000) + '\u00a0km';
  }

  function order(lat, lon) {
    document.querySelectorAll('[data-near-list]').forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      var keyed = items.map(function (li, i) {
        var la = parseFloat(li.getAttribute('data-lat') || '');
        var lo = parseFloat(li.getAttribute('data-lon') || '');
        var known = isFinite(la) && isFinite(lo);
        var d = known ? metres(lat, lon, la, lo) : 1e12;
        var out = li.querySelector('[data-near-distance]');
        if (out) {
          out.textContent = known ? text(d) : '';
          out.hidden = !known;
        }
        return { li: li, d: d, i: i };
      });
      keyed.sort(function (a, b) { return a.d - b.d || a.i - b.i; });
      keyed.forEach(function (k) { list.appendChild(k.li); });
    });
  }

  button.hidden = false;
  button.addEventListener('click', function () {
    status.textContent = button.getAttribute('data-waiting');
    navigator.geolocation.getCurrentPosition(function (pos) {
      order(pos.coords.latitude, pos.coords.longitude);
      status.textContent = button.getAttribute('data-done');
    }, function () {
      status.textContent = button.getAttribute('data-failed');
    }, { maximumAge: 600000, timeout: 20000 });
  });
}());
