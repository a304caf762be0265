// Share buttons (calendar/subscribe :: share): the phone's share sheet where there is one, else the page's
// address copied to the clipboard and said aloud in the status line. Without JavaScript the button is a
// plain link to the page, which the family can copy or bookmark.
(function () {
  document.querySelectorAll('a[data-share]').forEach(function (link) {
    var status = document.getElementById(link.getAttribute('data-status'));
    function say(text) {
      if (status) {
        // emptied first so that the same words twice are announced twice
        status.textContent = '';
        window.setTimeout(function () { status.textContent = text; }, 50);
      }
    }
    link.addEventListener('click', function (event) {
      var url = link.href;
      if (navigator.share) {
        event.preventDefault();
        navigator.share({ title: link.getAttribute('data-title'), url: url }).catch(function () {});
      } else if (navigator.clipboard && navigator.clipboard.writeText) {
        event.preventDefault();
        navigator.clipboard.writeText(url).then(function () {
          say(link.getAttribute('data-copied'));
        }, function () {
          say(link.getAttribute('data-failed'));
        });
      }
    });
  });
})();
