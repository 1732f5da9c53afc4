// The record form's composite widgets (records/composite.html): each keeps its value as JSON in a hidden input
// [data-value], which is what the form posts. Files are uploaded to the API as soon as they are chosen; a region's
// selects fill from /api/regions; a sub-table's rows are added and removed in place and gathered on every change.
// Loaded once per widget on a page, so it sets itself up only once.
(function () {
  'use strict';
  if (window.tierflowFieldWidgets) {
    return;
  }
  window.tierflowFieldWidgets = true;

  function value(widget) {
    return widget.querySelector('[data-value]');
  }

  function parse(text, fallback) {
    try {
      return text ? JSON.parse(text) : fallback;
    } catch (e) {
      return fallback;
    }
  }

  function option(code, name) {
    var o = document.createElement('option');
    o.value = code;
    o.textContent = name;
    return o;
  }

  // ---- files ----

  function files(widget) {
    return parse(value(widget).value, []);
  }

  function setFiles(widget, list) {
    value(widget).value = list.length ? JSON.stringify(list) : '';
  }

  function sizeText(bytes) {
    if (bytes < 1024) { return bytes + ' B'; }
    if (bytes < 1024 * 1024) { return (bytes / 1024).toFixed(1).replace(/\.0$/, '') + ' KB'; }
    return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '') + ' MB';
  }

  function showFileError(widget, text) {
    var p = widget.querySelector('[data-file-error]');
    p.textContent = text || '';
    p.hidden = !text;
  }

  function addFileItem(widget, f) {
    var li = document.createElement('li');
    li.className = 'file-item';
    li.setAttribute('data-id', f.id);
    var a = document.createElement('a');
    a.href = '/api/attachments/' + encodeURIComponent(f.id);
    a.setAttribute('download', '');
    a.textContent = f.name;
    var size = document.createElement('span');
    size.className = 'muted file-size';
    size.textContent = sizeText(f.size);
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'chip-remove';
    remove.setAttribute('data-remove-file', '');
    remove.setAttribute('aria-label', widget.getAttribute('data-msg-remove') + ' ' + f.name);
    remove.textContent = '×';
    li.appendChild(a);
    li.appendChild(document.createTextNode(' '));
    li.appendChild(size);
    li.appendChild(remove);
    widget.querySelector('.file-list').appendChild(li);
  }

  function upload(widget, file) {
    var body = new FormData();
    body.append('file', file, file.name);
    return fetch(widget.getAttribute('data-upload-url'), {
      method: 'POST', body: body, credentials: 'same-origin', headers: { Accept: 'application/json' }
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (json) {
        if (!r.ok) {
          var message = json.errors && json.errors.length ? json.errors[0].message : json.title;
          throw new Error(file.name + ': ' + (message || widget.getAttribute('data-msg-failed')));
        }
        return json;
      });
    });
  }

  function chooseFiles(input) {
    var widget = input.closest('[data-files]');
    var chosen = Array.prototype.slice.call(input.files || []);
    input.value = '';
    if (!chosen.length) {
      return;
    }
    var max = parseInt(widget.getAttribute('data-max-files'), 10) || 10;
    if (files(widget).length + chosen.length > max) {
      showFileError(widget, widget.getAttribute('data-msg-too-many'));
      return;
    }
    showFileError(widget, widget.getAttribute('data-msg-uploading'));
    widget.classList.add('is-uploading');
    var errors = [];
    chosen.reduce(function (done, file) {
      return done.then(function () {
        return upload(widget, file).then(function (f) {
          var list = files(widget);
          list.push(f);
          setFiles(widget, list);
          addFileItem(widget, f);
        }, function (e) { errors.push(e.message); });
      });
    }, Promise.resolve()).then(function () {
      widget.classList.remove('is-uploading');
      showFileError(widget, errors.join(' '));
    });
  }

  // ---- regions ----

  function regionChanged(select) {
    var widget = select.closest('[data-region]');
    var selects = Array.prototype.slice.call(widget.querySelectorAll('select[data-level]'));
    var at = selects.indexOf(select);
    // every level below the changed one starts again
    for (var i = at + 1; i < selects.length; i++) {
      var s = selects[i];
      while (s.options.length > 1) { s.remove(1); }
    }
    writeRegion(widget, selects);
    var next = selects[at + 1];
    if (next && select.value) {
      fetch('/api/regions/' + encodeURIComponent(select.value), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (places) {
          places.forEach(function (p) { next.appendChild(option(p.code, p.name)); });
          // a municipality has a single city: take it, and go on to its districts
          if (places.length === 1) {
            next.value = places[0].code;
            regionChanged(next);
          }
        });
    }
  }

  function writeRegion(widget, selects) {
    var codes = {};
    var any = false;
    selects.forEach(function (s) {
      if (s.value) {
        codes[s.getAttribute('data-level')] = s.value;
        any = true;
      }
    });
    value(widget).value = any ? JSON.stringify(codes) : '';
  }

  // ---- sub-tables ----

  function gatherRows(widget) {
    var rows = [];
    widget.querySelectorAll('tbody[data-rows] tr[data-row]').forEach(function (tr) {
      var row = {};
      var filled = false;
      tr.querySelectorAll('[data-col]').forEach(function (cell) {
        var v = cell.value;
        if (v !== '') {
          row[cell.getAttribute('data-col')] = v;
          filled = true;
        }
      });
      if (filled) {
        rows.push(row);
      }
    });
    value(widget).value = rows.length ? JSON.stringify(rows) : '';
  }

  function addRow(widget) {
    var max = parseInt(widget.getAttribute('data-max-rows'), 10) || 200;
    var body = widget.querySelector('tbody[data-rows]');
    if (body.querySelectorAll('tr[data-row]').length >= max) {
      window.alert(widget.getAttribute('data-msg-too-many'));
      return;
    }
    var row = widget.querySelector('template[data-blank-row]').content.firstElementChild.cloneNode(true);
    body.appendChild(row);
    var first = row.querySelector('[data-col]');
    if (first) {
      first.focus();
    }
  }

  // ---- wiring ----

  document.addEventListener('change', function (e) {
    var t = e.target;
    if (!t.closest) {
      return;
    }
    if (t.matches('[data-file-input]')) {
      chooseFiles(t);
    } else if (t.matches('[data-region] select[data-level]')) {
      regionChanged(t);
    } else if (t.closest('[data-subtable]') && t.matches('[data-col]')) {
      gatherRows(t.closest('[data-subtable]'));
    }
  });

  document.addEventListener('input', function (e) {
    var table = e.target.closest && e.target.closest('[data-subtable]');
    if (table && e.target.matches('[data-col]')) {
      gatherRows(table);
    }
  });

  document.addEventListener('click', function (e) {
    var t = e.target.closest && e.target.closest('[data-remove-file], [data-add-row], [data-remove-row-of-table]');
    if (!t) {
      return;
    }
    if (t.matches('[data-remove-file]')) {
      var widget = t.closest('[data-files]');
      var id = t.closest('.file-item').getAttribute('data-id');
      setFiles(widget, files(widget).filter(function (f) { return f.id !== id; }));
      t.closest('.file-item').remove();
    } else if (t.matches('[data-add-row]')) {
      addRow(t.closest('[data-subtable]'));
    } else {
      var table = t.closest('[data-subtable]');
      t.closest('tr[data-row]').remove();
      gatherRows(table);
    }
  });

  // a form posts what its sub-tables show, even if a cell was filled in without a change event
  document.addEventListener('submit', function (e) {
    if (e.target.querySelectorAll) {
      e.target.querySelectorAll('[data-subtable]').forEach(gatherRows);
    }
  }, true);
})();
