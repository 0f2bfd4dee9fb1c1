// 望潮 web pages: small conveniences only. Every page works without this file; it adds the
// live refresh of the 工作台 (server-sent events: new cases appear without a reload), map clicks and address suggestions on the
// intake form, and the repeat-report warning before submitting. No external code.
(function () {
  'use strict';

  function csrfToken() {
    var field = document.querySelector('input[name="csrf"]');
    return field ? field.value : '';
  }

  // 工作台: the page's own stream says when what it shows changed; the page then fetches
  // itself and swaps the table, the counts and the pager, marking rows that were not there.
  // While the user is inside the table (focus on a link), a banner offers the reload instead.
  // The inbox stream keeps the unread count and the banner's news.
  function liveWorkbench() {
    var main = document.getElementById('workbench');
    if (!main || !window.EventSource || !window.fetch || !window.DOMParser) return;
    var banner = document.getElementById('live-banner');
    var unread = document.getElementById('unread-count');
    var status = document.getElementById('live-status');
    var live = document.getElementById('workbench-live');
    var fresh = 0;
    var busy = false, again = false;
    var parts = ['workbench-summary', 'state-counts', 'light-counts', 'case-rows', 'pager'];

    function showBanner(text) {
      if (!banner) return;
      banner.hidden = false;
      var span = banner.querySelector('.live-text');
      if (span) span.textContent = text;
    }

    function rowIds() {
      var ids = {};
      Array.prototype.forEach.call(document.querySelectorAll('#case-rows tr[data-case]'), function (row) {
        ids[row.getAttribute('data-case')] = true;
      });
      return ids;
    }

    function refresh() {
      var table = document.getElementById('case-rows');
      if (table && table.contains(document.activeElement)) { showBanner('列表有变化'); return; }
      if (busy) { again = true; return; }
      busy = true;
      var before = rowIds();
      fetch(window.location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) {
          if (!html) return;
          var page = new DOMParser().parseFromString(html, 'text/html');
          parts.forEach(function (id) {
            var now = document.getElementById(id), next = page.getElementById(id);
            if (now && next) now.innerHTML = next.innerHTML;
          });
          var added = 0;
          Array.prototype.forEach.call(document.querySelectorAll('#case-rows tr[data-case]'), function (row) {
            if (!before[row.getAttribute('data-case')]) { row.classList.add('is-new'); added += 1; }
          });
          if (status) {
            status.textContent = (added ? '新到 ' + added + ' 件，' : '') + '列表已于 ' +
              new Date().toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) + ' 自动更新';
          }
        })
        .catch(function () { showBanner('自动更新失败'); })
        .then(function () {
          busy = false;
          if (again) { again = false; refresh(); }
        });
    }

    if (live && live.getAttribute('data-stream')) {
      var changes = new EventSource(live.getAttribute('data-stream'));
      changes.addEventListener('changed', refresh);
      window.addEventListener('beforeunload', function () { changes.close(); });
    }
    var inbox = new EventSource('/api/v1/inbox/stream');
    inbox.addEventListener('notice', function () {
      fresh += 1;
      showBanner('有 ' + fresh + ' 条新动态');
    });
    inbox.addEventListener('unread', function (event) {
      try {
        var data = JSON.parse(event.data);
        if (unread) unread.textContent = String(data.unreadCount);
      } catch (e) { /* ignore a malformed event */ }
    });
    window.addEventListener('beforeunload', function () { inbox.close(); });
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
            var found = [];
            if (data.best) found.push(data.best);
            (data.runnersUp || []).forEach(function (item) { found.push(item); });
            list.textContent = '';
            found.slice(0, 8).forEach(function (item) {
              var text = item.address && item.address.text;
              if (!text) return;
              var option = document.createElement('option');
              option.value = text;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience */ });
      }, 250);
    });
  }

  // Before an intake is submitted, ask the server for possible repeats and show them once.
  // Without JS (or when this fails) the server runs the same check and shows a confirm step.
  function repeatWarning() {
    var form = document.querySelector('form[data-repeat-check]');
    if (!form || document.getElementById('repeat-candidates')) return;
    var box = document.getElementById('repeat-warning');
    var checked = false;
    function value(name) { var field = form.elements[name]; return field ? field.value.trim() : ''; }
    form.addEventListener('submit', function (event) {
      if (checked || !box) return;
      var lat = parseFloat(value('lat')), lng = parseFloat(value('lng'));
      if (!value('category') || !value('description') || isNaN(lat) || isNaN(lng)) return; // the server checks
      event.preventDefault();
      var body = {
        category: value('category'), description: value('description'), source: value('source') || 'hotline12345',
        location: { lat: lat, lng: lng, address: value('address') }
      };
      if (value('reporterPhone')) body.reporter = { phone: value('reporterPhone') };
      fetch('/api/v1/cases/repeat-check', {
        method: 'POST', credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken() },
        body: JSON.stringify(body)
      }).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
        checked = true;
        if (!data || !data.likelyRepeat) { form.submit(); return; }
        var list = box.querySelector('ul');
        list.textContent = '';
        (data.repeatCandidates || []).slice(0, 5).forEach(function (c) {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = '/cases/' + encodeURIComponent(c.caseId);
          a.textContent = c.number;
          li.appendChild(a);
          list.appendChild(li);
        });
        if (data.hiddenRepeatCandidates) {
          var more = document.createElement('li');
          more.textContent = '另有 ' + data.hiddenRepeatCandidates + ' 件在您的辖区之外';
          list.appendChild(more);
        }
        box.hidden = false;
        box.focus();
      }).catch(function () { checked = true; form.submit(); });
    });
  }

  // Category search: typing narrows the <select>; a pick from the datalist selects it.
  function categoryFilter() {
    var search = document.getElementById('categorySearch');
    var select = document.getElementById('category');
    if (!search || !select) return;
    search.addEventListener('input', function () {
      var q = search.value.trim();
      var first = null, exact = null;
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.value) return;
        var label = option.textContent + '（' + option.value + '）';
        var match = !q || label.indexOf(q) >= 0;
        option.hidden = !match;
        if (match && !first) first = option;
        if (label === q || option.value === q || option.textContent === q) exact = option;
      });
      if (exact) select.value = exact.value; else if (q && first) select.value = first.value;
    });
  }

  // After a refused form, move the focus to the first field in error (the page says why).
  function focusRefusal() {
    var invalid = document.querySelector('main [aria-invalid="true"]');
    if (invalid) invalid.focus();
  }

  document.addEventListener('DOMContentLoaded', function () {
    focusRefusal();
    liveWorkbench();
    clickableMaps();
    addressSuggestions();
    repeatWarning();
    categoryFilter();
  });
})();
