// 望潮 web pages: small conveniences only. Every page works without this file; it adds the
// live refresh of the 工作台 (server-sent events), map clicks and address suggestions on the
// intake form, and the repeat-report warning before submitting. No external code.
(function () {
  'use strict';

  function csrfToken() {
    var field = document.querySelector('input[name="csrf"]');
    return field ? field.value : '';
  }

  // 工作台: listen to the user's inbox stream; on a new notice show a banner offering a reload.
  function liveWorkbench() {
    var main = document.getElementById('workbench');
    if (!main || !window.EventSource) return;
    var banner = document.getElementById('live-banner');
    var unread = document.getElementById('unread-count');
    var fresh = 0;
    var source = new EventSource('/api/v1/inbox/stream');
    source.addEventListener('notice', function () {
      fresh += 1;
      if (banner) {
        banner.hidden = false;
        var text = banner.querySelector('.live-text');
        if (text) text.textContent = '有 ' + fresh + ' 条新动态';
      }
    });
    source.addEventListener('unread', function (event) {
      try {
        var data = JSON.parse(event.data);
        if (unread) unread.textContent = String(data.unreadCount);
      } catch (e) { /* ignore a malformed event */ }
    });
    window.addEventListener('beforeunload', function () { source.close(); });
  }

  // Maps drawn by the server carry their projection: data-west/north/east/south (degrees) on
  // the <svg>. A click sets the lat/lng inputs named by data-lat/data-lng and moves the marker.
  function clickableMaps() {
    var maps = document.querySelectorAll('svg[data-pick]');
    Array.prototype.forEach.call(maps, function (svg) {
      var lat = document.getElementById(svg.getAttribute('data-lat'));
      var lng = document.getElementById(svg.getAttribute('data-lng'));
      if (!lat || !lng) return;
      svg.addEventListener('click', function (event) {
        var point = svg.createSVGPoint();
        point.x = event.clientX; point.y = event.clientY;
        var local = point.matrixTransform(svg.getScreenCTM().inverse());
        var box = svg.viewBox.baseVal;
        var west = parseFloat(svg.getAttribute('data-west')), east = parseFloat(svg.getAttribute('data-east'));
        var north = parseFloat(svg.getAttribute('data-north')), south = parseFloat(svg.getAttribute('data-south'));
        var x = (local.x - box.x) / box.width, y = (local.y - box.y) / box.height;
        lng.value = (west + x * (east - west)).toFixed(6);
        lat.value = (north - y * (north - south)).toFixed(6);
        var marker = svg.querySelector('.pick-marker');
        if (marker) {
          marker.setAttribute('cx', local.x); marker.setAttribute('cy', local.y);
          marker.removeAttribute('hidden'); marker.style.display = '';
        }
        lat.dispatchEvent(new Event('change'));
      });
    });
  }

  // Address suggestions from the standard address base into the field's datalist.
  function addressSuggestions() {
    var input = document.querySelector('input[data-suggest]');
    if (!input) return;
    var list = document.getElementById(input.getAttribute('list'));
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2 || !list) return;
      timer = setTimeout(function () {
        fetch('/api/v1/addresses/match?q=' + encodeURIComponent(q), { credentials: 'same-origin' })
          .then(function (r) { return r.ok ? r.json() : null; })
          .then(function (data) {
            if (!data) return;
            var items = data.items || data.matches || data.candidates || (Array.isArray(data) ? data : []);
            list.textContent = '';
            items.slice(0, 10).forEach(function (item) {
              var option = document.createElement('option');
              option.value = item.fullAddress || item.address || item.name || item.text || '';
              if (option.value) list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience */ });
      }, 250);
    });
  }

  // Before an intake is submitted, ask the server for possible repeats and show them once.
  function repeatWarning() {
    var form = document.querySelector('form[data-repeat-check]');
    if (!form) return;
    var box = document.getElementById('repeat-warning');
    var checked = false;
    form.addEventListener('submit', function (event) {
      if (checked || form.querySelector('input[name="confirmRepeat"]:checked')) return;
      var lat = parseFloat((form.elements.lat || {}).value), lng = parseFloat((form.elements.lng || {}).value);
      var body = {
        categoryCode: (form.elements.categoryCode || {}).value || undefined,
        description: (form.elements.description || {}).value || undefined,
        reporterPhone: (form.elements.reporterPhone || {}).value || undefined
      };
      if (!isNaN(lat) && !isNaN(lng)) body.location = { lat: lat, lng: lng };
      event.preventDefault();
      fetch('/api/v1/cases/repeat-check', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
        body: JSON.stringify(body)
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        checked = true;
        var found = data && (data.candidates || data.items || []);
        if (!found || !found.length || !box) { form.submit(); return; }
        var list = box.querySelector('ul');
        list.textContent = '';
        found.slice(0, 5).forEach(function (c) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '/cases/' + encodeURIComponent(c.id || c.caseId || '');
          a.textContent = (c.number || c.id || '') + ' ' + (c.description || c.reason || '');
          li.appendChild(a);
          list.appendChild(li);
        });
        box.hidden = false;
        box.focus();
      }).catch(function () { checked = true; form.submit(); });
    });
  }

  // Category filter: typing in the search box narrows the <select> (the datalist works without it).
  function categoryFilter() {
    var search = document.getElementById('category-search');
    var select = document.getElementById('categoryCode');
    if (!search || !select) return;
    search.addEventListener('input', function () {
      var q = search.value.trim();
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var match = !q || option.textContent.indexOf(q) >= 0 || option.value.indexOf(q) >= 0;
        option.hidden = !match;
        if (match && !first) first = option;
      });
      var exact = Array.prototype.find.call(select.options, function (o) { return o.value && (o.value === q || o.textContent === q); });
      if (exact) select.value = exact.value; else if (q && first) select.value = first.value;
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    liveWorkbench();
    clickableMaps();
    addressSuggestions();
    repeatWarning();
    categoryFilter();
  });
})();
