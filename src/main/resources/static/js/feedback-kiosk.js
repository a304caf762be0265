// Kiosk mode of the feedback page: after a minute without a touch or a key, go back to the start, so that a
// half-written answer is not left for the next family. Nothing is stored in the browser.
(function () {
  var start = document.body.getAttribute('data-start');
  if (!start) { return; }
  var timer;
  function reset() {
    clearTimeout(timer);
    timer = setTimeout(function () { window.location.replace(start); }, 60000);
  }
  ['pointerdown', 'keydown', 'input', 'touchstart'].forEach(function (e) {
    document.addEventListener(e, reset, { passive: true });
  });
  reset();
})();
