// Tap counters: shows the minus and plus buttons beside each number field and steps the field by one,
// never below 0 or above its max; tells screen readers the new value.
(function () {
  var status = document.getElementById('counter-status');
  document.querySelectorAll('.counter-step').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var input = document.getElementById(button.getAttribute('data-target'));
      var value = parseInt(input.value, 10);
      if (isNaN(value)) { value = 0; }
      var max = parseInt(input.getAttribute('max'), 10) || 2000;
      value = Math.min(max, Math.max(0, value + parseInt(button.getAttribute('data-step'), 10)));
      input.value = String(value);
      if (status) {
        var label = document.querySelector('label[for="' + input.id + '"]');
        status.textContent = (label ? label.textContent + ': ' : '') + value;
      }
    });
  });
})();
