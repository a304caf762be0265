// Kiosk mode of the feedback page: after a while without a touch or a key (a minute on the form, a few seconds on
// the thank-you page), go back to the start, so that nothing one family did is left for the next. Any touch or key
// starts the wait again. Nothing is stored in the browser.
(function () {
  var start = document.body.getAttribute('data-start');
  var seconds = parseInt(document.body.getAttribute('data-idle'), 10) || 60;
  if (!start) { return; }
  var timer;
  function reset() {
    clearTimeout(timer);
    timer = setTimeout(function () { window.location.replace(start); }, seconds * 1000);
  }
  ['pointerdown', 'keydown', 'input', 'touchstart'].forEach(function (e) {
    document.addEventListener(e, reset, { passive: true });
  });
  reset();
})();
