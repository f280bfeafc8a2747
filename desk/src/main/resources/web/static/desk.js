// Varsel desk: the little that needs script. Every action also works without it (forms post to the desk); script adds
// revealing blurred evidence (one item or all), confirmations, keyboard triage, the queue's auto-refresh and the stale-page warning.
'use strict';

var POLL_MS = 10000;

function csrfToken() {
  var field = document.querySelector('input[name="_csrf"]');
  return field ? field.value : '';
}

function me() {
  return document.body.dataset.user || '';
}

// Keys and refreshes wait while someone types: a reload must never eat half a reason.
function typing() {
  var active = document.activeElement;
  return !!active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
}

function anyDialogOpen() {
  return !!document.querySelector('dialog[open]');
}

// A call to the desk's API with the session and its CSRF token; resolves to {ok, status, body}.
function api(method, path, body) {
  var options = {method: method, credentials: 'same-origin', headers: {'Accept': 'application/json'}};
  if (method !== 'GET') {
    options.headers['X-CSRF-Token'] = csrfToken();
  }
  if (body !== undefined) {
    options.headers['Content-Type'] = 'application/json';
    options.body = JSON.stringify(body);
  }
  return fetch(path, options).then(function (response) {
    return response.text().then(function (text) {
      var parsed = null;
      try { parsed = text ? JSON.parse(text) : null; } catch (notJson) { parsed = null; }
      return {ok: response.ok, status: response.status, body: parsed};
    });
  });
}

function problem(answer) {
  return (answer.body && (answer.body.detail || answer.body.title)) || ('the desk answered ' + answer.status);
}

function showEvidence(evidence, shown) {
  evidence.classList.toggle('revealed', shown);
  var button = evidence.querySelector('button.reveal');
  if (button) { button.textContent = shown ? 'Hide' : 'Show'; }
}

document.addEventListener('click', function (event) {
  var target = event.target;
  if (target.classList.contains('reveal')) {
    var evidence = target.closest('.evidence');
    showEvidence(evidence, !evidence.classList.contains('revealed'));
  }
  if (target.id === 'reveal-all') {
    // one click for every blurred item on the page; a second click blurs them again
    var shown = target.textContent === 'Show all';
    document.querySelectorAll('.evidence.sensitive').forEach(function (evidence) { showEvidence(evidence, shown); });
    target.textContent = shown ? 'Blur all' : 'Show all';
  }
  if (target.id === 'select-all') {
    document.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = target.checked; });
  }
});

// ---- the queue ----------------------------------------------------------------------------------------------------

function queueRows() {
  return Array.prototype.slice.call(document.querySelectorAll('#queue tbody tr[data-id]'));
}

var selectedId = null;

function select(row) {
  queueRows().forEach(function (r) { r.classList.remove('kbd-selected'); r.removeAttribute('aria-selected'); });
  if (row) {
    row.classList.add('kbd-selected');
    row.setAttribute('aria-selected', 'true');
    row.scrollIntoView({block: 'nearest'});
    selectedId = row.dataset.id;
  }
}

function selectedRow() {
  return queueRows().filter(function (r) { return r.dataset.id === selectedId; })[0] || null;
}

function say(text) {
  var live = document.getElementById('queue-live');
  if (live) {
    live.textContent = text;
  }
}

// Bulk actions: count what is selected, insist on a reason before dismissing, confirm, then the form posts and the desk
// answers with every incident's result.
function initBulk() {
  var form = document.getElementById('bulk');
  var dialog = document.getElementById('bulk-confirm');
  if (!form || !dialog) {
    return;
  }
  var message = document.getElementById('bulk-message');
  var confirmed = false;
  form.addEventListener('submit', function (event) {
    if (confirmed) {
      return;
    }
    event.preventDefault();
    var ids = form.querySelectorAll('input[name="ids"]:checked');
    var action = document.getElementById('bulk-action');
    var reason = document.getElementById('bulk-reason');
    message.textContent = '';
    if (ids.length === 0) {
      message.textContent = 'Select the incidents first (tick their boxes, or x on the selected row).';
      return;
    }
    if (action.value === 'dismissed' && reason.value.trim() === '') {
      message.textContent = 'A reason is required to dismiss: it is kept with each verdict and sent to detection. '
          + 'Type it, then apply.';
      reason.focus();
      return;
    }
    var n = ids.length + ' incident' + (ids.length === 1 ? '' : 's');
    var what = {triaging: 'Start triage on ' + n, dismissed: 'Dismiss ' + n, 'assign-me': 'Assign ' + n + ' to you'}[action.value]
        || ('Apply ' + action.value + ' to ' + n);
    document.getElementById('bulk-confirm-text').textContent = what
        + (action.value === 'dismissed' ? ' with the reason "' + reason.value.trim() + '"' : '') + '?';
    document.getElementById('bulk-confirm-yes').textContent = what;
    dialog.showModal();
  });
  document.getElementById('bulk-confirm-yes').addEventListener('click', function () {
    confirmed = true;
    dialog.close();
    form.submit();
  });
  document.getElementById('bulk-confirm-no').addEventListener('click', function () { dialog.close(); });
}

// Refreshes the queue's rows and counts in place, keeping ticked boxes and the selection.
function refreshQueue() {
  var ticked = {};
  document.querySelectorAll('input[name="ids"]:checked').forEach(function (box) { ticked[box.value] = true; });
  return fetch(location.href, {credentials: 'same-origin'}).then(function (response) {
    if (!response.ok) {
      throw new Error('queue answered ' + response.status);
    }
    return response.text();
  }).then(function (html) {
    var fresh = new DOMParser().parseFromString(html, 'text/html');
    ['#queue tbody', '#status-counts', '#summary'].forEach(function (selector) {
      var now = document.querySelector(selector);
      var then = fresh.querySelector(selector);
      if (now && then) {
        now.innerHTML = then.innerHTML;
      }
    });
    document.querySelectorAll('input[name="ids"]').forEach(function (box) { box.checked = !!ticked[box.value]; });
    select(selectedRow());
  });
}

function initAutoRefresh() {
  if (!document.getElementById('queue') || !document.getElementById('bulk-action')) {
    return;
  }
  var token = '';
  function poll() {
    api('GET', '/api/v1/changes' + (token ? '?since=' + encodeURIComponent(token) : '')).then(function (answer) {
      if (!answer.ok) {
        return;
      }
      if (!token || !answer.body.changed) {
        token = answer.body.token;
        return;
      }
      if (typing() || anyDialogOpen()) {
        return; // keep the old token: the next poll sees the change again and refreshes once the analyst is done
      }
      token = answer.body.token;
      var others = answer.body.events.filter(function (e) { return e.actor !== me(); });
      refreshQueue().then(function () {
        say('Updated ' + new Date().toLocaleTimeString() + (others.length
            ? ': ' + others.length + ' change' + (others.length === 1 ? '' : 's') + ' by colleagues' : ''));
      }).catch(function () {});
    }).catch(function () {});
  }
  poll();
  setInterval(poll, POLL_MS);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      poll();
    }
  });
}

function triageSelected(steps, done) {
  var row = selectedRow();
  if (!row) {
    say('Select an incident first (j / k).');
    return;
  }
  var id = row.dataset.id;
  var chain = Promise.resolve({ok: true});
  steps(row).forEach(function (step) {
    chain = chain.then(function (previous) {
      return previous.ok ? api('POST', '/api/v1/incidents/' + encodeURIComponent(id) + step.path, step.body) : previous;
    });
  });
  chain.then(function (answer) {
    say(answer.ok ? done + ' ' + id + '.' : 'Refused for ' + id + ': ' + problem(answer));
    return refreshQueue();
  }).catch(function () { say('The desk did not answer; nothing may have changed.'); });
}

function initKeyboard() {
  if (!document.getElementById('queue') || !document.getElementById('bulk-action')) {
    return;
  }
  var shortcuts = document.getElementById('shortcuts');
  document.getElementById('shortcuts-close').addEventListener('click', function () { shortcuts.close(); });
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing()) {
      return;
    }
    if (event.key === '?') {
      event.preventDefault();
      if (shortcuts.open) { shortcuts.close(); } else { shortcuts.showModal(); }
      return;
    }
    if (anyDialogOpen()) {
      return;
    }
    var rows = queueRows();
    var index = rows.indexOf(selectedRow());
    var row = selectedRow();
    switch (event.key) {
      case 'j':
        select(rows[Math.min(index + 1, rows.length - 1)]);
        break;
      case 'k':
        select(rows[Math.max(index - 1, 0)]);
        break;
      case 'o':
      case 'Enter':
        if (row) { location.href = '/incidents/' + encodeURIComponent(row.dataset.id); }
        break;
      case 'x':
        if (row) { var box = row.querySelector('input[name="ids"]'); box.checked = !box.checked; }
        break;
      case 'a':
        triageSelected(function () { return [{path: '/assign', body: {assignee: me()}}]; }, 'Assigned to you:');
        break;
      case 'c':
        triageSelected(function (r) {
          var confirm = {path: '/status', body: {status: 'confirmed'}};
          return r.dataset.status === 'new' ? [{path: '/status', body: {status: 'triaging'}}, confirm] : [confirm];
        }, 'Confirmed');
        break;
      case 'd':
        if (!row) { say('Select an incident first (j / k).'); break; }
        document.querySelectorAll('input[name="ids"]').forEach(function (b) { b.checked = b.value === row.dataset.id; });
        document.getElementById('bulk-action').value = 'dismissed';
        say('Dismiss ' + row.dataset.id + ': type the reason, then Enter.');
        document.getElementById('bulk-reason').focus();
        break;
      case 'e':
        if (row) { location.href = '/incidents/' + encodeURIComponent(row.dataset.id) + '/brief'; }
        break;
      default:
        return;
    }
    event.preventDefault();
  });
}

// Saved searches: the current filter under a name, listed beside the filter form.
function initSavedSearches() {
  var section = document.getElementById('saved-searches');
  if (!section) {
    return;
  }
  var list = document.getElementById('saved-search-list');
  function show(answer) {
    if (!answer.ok) {
      return;
    }
    section.hidden = false;
    list.innerHTML = '';
    answer.body.items.forEach(function (item) {
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = '/?' + item.query;
      link.textContent = item.name;
      link.className = 'saved-search';
      var remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.title = 'delete ' + item.name;
      remove.addEventListener('click', function () {
        api('DELETE', '/api/v1/saved-searches/' + encodeURIComponent(item.name)).then(function () {
          api('GET', '/api/v1/saved-searches').then(show);
        });
      });
      li.appendChild(link);
      li.appendChild(remove);
      list.appendChild(li);
    });
  }
  api('GET', '/api/v1/saved-searches').then(show).catch(function () {});
  document.getElementById('save-search').addEventListener('click', function () {
    var name = document.getElementById('saved-search-name');
    var query = location.search.replace(/^\?/, '').split('&').filter(function (p) {
      return p && !/^offset=/.test(p) && !/=$/.test(p);
    }).join('&');
    api('POST', '/api/v1/saved-searches', {name: name.value, query: query}).then(function (answer) {
      if (answer.ok) {
        name.value = '';
        show(answer);
      } else {
        say('Not saved: ' + problem(answer));
      }
    });
  });
}

// ---- the incident page --------------------------------------------------------------------------------------------

// A person's triage step in the words of the page's history (web.IncidentHistory).
function describe(event) {
  var before = event.before || {};
  var after = event.after || {};
  var what = event.action === 'status' ? 'moved it from ' + before.status + ' to ' + after.status
      + (after.reason ? ' because “' + after.reason + '”' : '')
      : after.assignee ? 'assigned it to ' + after.assignee : 'unassigned it';
  return event.actor + ' ' + what + ' at ' + new Date(event.at).toLocaleString();
}

// Someone else changed the incident while this page was open: say who changed what, stop the stale buttons, offer reload.
function initStaleWarning() {
  var page = document.getElementById('incident');
  var warning = document.getElementById('stale-warning');
  if (!page || !warning) {
    return;
  }
  var id = page.dataset.id;
  document.getElementById('stale-reload').addEventListener('click', function () { location.reload(); });
  var timer = null;
  function check() {
    api('GET', '/api/v1/incidents/' + encodeURIComponent(id)).then(function (answer) {
      if (!answer.ok) {
        return;
      }
      var now = answer.body;
      var triaged = now.status !== page.dataset.status || (now.assignee || '') !== page.dataset.assignee;
      var updated = String(now.version) !== page.dataset.version;
      if (!triaged && !updated) {
        return;
      }
      clearInterval(timer);
      var found = triaged
          ? api('GET', '/api/v1/incidents/' + encodeURIComponent(id) + '/history').then(function (history) {
            var events = (history.ok && history.body.events) || [];
            var last = events.filter(function (e) { return e.action === 'status' || e.action === 'assign'; }).pop();
            return last ? describe(last) + (last.actor === me() ? ' (you, in another tab or window).' : '.')
                : 'Someone moved it to ' + now.status + '.';
          })
          : Promise.resolve('The pipeline updated this incident to version ' + now.version + '.');
      found.then(function (text) {
        document.getElementById('stale-text').textContent = text + ' This page shows it as it was when you opened it.';
        warning.hidden = false;
        if (triaged) {
          document.querySelectorAll('#triage button, #triage input, #triage select').forEach(function (el) {
            el.disabled = true;
          });
        }
      });
    }).catch(function () {});
  }
  timer = setInterval(check, POLL_MS);
  document.addEventListener('visibilitychange', function () {
    if (!document.hidden && warning.hidden) {
      check();
    }
  });
}

document.addEventListener('DOMContentLoaded', function () {
  initBulk();
  initAutoRefresh();
  initKeyboard();
  initSavedSearches();
  initStaleWarning();
});
