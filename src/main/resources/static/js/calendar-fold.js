// The calendar's folded filters (issue 19 part 1): closed on a phone so that results come first, opened here
// on a wide screen, where there is room for both. Without this script the control works as it is (closed, or
// open when nothing was found).
(function () {
  'use strict';
  var fold = document.querySelector('details[data-open-wide]');
  if (fold && window.matchMedia && window.matchMedia('(min-width: 48em)').matches) {
    fold.open = true;
  }
})();
