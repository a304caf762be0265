// Visitor survey: follow-up questions open and close as soon as the earlier answer changes. Without this
// script the server does the same on "Continue". The server decides again on "Send" what counts.
(function () {
  'use strict';
  var form = document.getElementById('survey-form');
  if (!form) { return; }
  document.getElementById('survey-js').value = '1';
  var next = document.getElementById('survey-next');
  var hint = document.getElementById('step-hint');
  if (next) { next.hidden = true; }
  if (hint) { hint.hidden = true; }
  var wrappers = Array.prototype.slice.call(form.querySelectorAll('.survey-question'));

  function values(field) {
    return Array.prototype.slice.call(form.querySelectorAll('[name="' + field + '"]'))
      .filter(function (i) { return i.checked; }).map(function (i) { return i.value; });
  }

  function holds(op, value, chosen) {
    if (chosen.length === 0) { return false; }
    if (op === 'EQUALS') { return chosen.length === 1 && chosen[0] === value; }
    if (op === 'NOT_EQUALS') { return chosen.indexOf(value) < 0; }
    if (op === 'INCLUDES') { return chosen.indexOf(value) >= 0; }
    return false;
  }

  function update() {
    var shown = {};
    wrappers.forEach(function (w) {
      var field = w.id.substring(2);
      var cond = w.getAttribute('data-cond-field');
      var visible = !cond || (shown[cond] && holds(w.getAttribute('data-cond-op'),
        w.getAttribute('data-cond-value'), values(cond)));
      w.hidden = !visible;
      shown[field] = visible;
    });
  }

  form.addEventListener('change', update);
  update();
})();
