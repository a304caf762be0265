/* Kohtaamo family calendar widget. One line on the host page:
   <script src="https://HOST/widget.js" data-municipality="049" data-lang="fi" async></script>
   Data attributes: area, municipality, place, organisation, kind, language, age, time, weekday,
   accessibility, free, days (1-14), lang (fi|sv|en). Theme with CSS variables on the host page:
   --kohtaamo-color, --kohtaamo-accent, --kohtaamo-background, --kohtaamo-font, --kohtaamo-cancelled. */
(function () {
  var script = document.currentScript;
  if (!script) return;
  var origin = new URL(script.src).origin;
  var keys = ["area", "municipality", "place", "organisation", "kind", "language", "age", "time", "weekday",
    "accessibility", "free", "days", "lang"];
  var query = new URLSearchParams();
  keys.forEach(function (k) {
    var v = script.getAttribute("data-" + k);
    if (v) v.split(",").forEach(function (part) { if (part.trim()) query.append(k, part.trim()); });
  });
  var host = document.createElement("div");
  host.className = "kohtaamo-calendar";
  script.parentNode.insertBefore(host, script.nextSibling);
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = origin + "/widget.css";
  root.appendChild(style);
  var box = document.createElement("div");
  box.setAttribute("aria-live", "polite");
  root.appendChild(box);
  fetch(origin + "/widget/calendar?" + query.toString(), { credentials: "omit" })
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.text(); })
    .then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var widget = doc.querySelector(".kw");
      if (widget) box.appendChild(document.importNode(widget, true));
    })
    .catch(function () {
      var a = document.createElement("a");
      a.href = origin + "/calendar?" + query.toString();
      a.textContent = "Kohtaamo";
      box.appendChild(a);
    });
})();
