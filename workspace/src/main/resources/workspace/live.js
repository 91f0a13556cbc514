// Keeps an open team page current: on an "alert" server-sent event, fetch the page again and swap its table.
(function () {
  var table = document.getElementById('team');
  var status = document.getElementById('live-status');
  if (!table || !window.EventSource) { return; }
  var events = new EventSource(location.pathname + '/live');
  events.addEventListener('alert', function () {
    fetch(location.href, { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('team');
      if (fresh) { table.replaceWith(fresh); table = fresh; }
      if (status) { status.textContent = 'New alert at ' + new Date().toLocaleTimeString(); }
    });
  });
}());
