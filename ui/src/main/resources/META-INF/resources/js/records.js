// The record pages' small behaviours around htmx (records/list.html, trash.html, picker.html, cell-editor.html,
// imports/*.html). Everything works without it except what needs a script anyway; it only adds comfort.
(function () {
  'use strict';

  // Answers that say what is wrong (a refused value, a stale version) are swapped in like any other where the
  // page asks for it (data-swap-errors): they carry the message the user needs.
  document.addEventListener('htmx:beforeSwap', function (e) {
    var status = e.detail.xhr.status;
    if ((status === 400 || status === 409 || status === 422) && e.detail.elt.closest('[data-swap-errors]')) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  document.addEventListener('change', function (e) {
    var t = e.target;
    if (t.matches && t.matches('[data-autosubmit]') && t.form) {
      t.form.requestSubmit ? t.form.requestSubmit() : t.form.submit();
    }
  });

  document.addEventListener('click', function (e) {
    var remove = e.target.closest && e.target.closest('[data-remove-row]');
    if (remove) {
      var row = remove.closest('.filter-row');
      var form = remove.closest('form');
      row.remove();
      if (form) {
        form.dispatchEvent(new Event('change', { bubbles: true }));
      }
      return;
    }
    // an open dropdown closes when the user clicks elsewhere
    document.querySelectorAll('details.dropdown[open]').forEach(function (d) {
      if (!d.contains(e.target)) {
        d.removeAttribute('open');
      }
    });
  });

  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') {
      return;
    }
    var editor = e.target.closest && e.target.closest('.cell-editor');
    if (editor) {
      var cancel = editor.querySelector('.cell-cancel');
      if (cancel) {
        e.preventDefault();
        cancel.click();
      }
      return;
    }
    var picker = e.target.closest && e.target.closest('.relation-picker');
    if (picker) {
      var options = picker.querySelector('.relation-options');
      if (options) {
        options.innerHTML = '';
      }
      return;
    }
    document.querySelectorAll('details.dropdown[open]').forEach(function (d) { d.removeAttribute('open'); });
  });

  // a toast goes away by itself after a while
  document.addEventListener('htmx:oobAfterSwap', function (e) {
    var area = e.detail.target;
    if (area && area.id === 'grid-toast') {
      setTimeout(function () { area.querySelectorAll('.toast').forEach(function (t) { t.classList.add('is-leaving'); }); }, 6000);
    }
  });

  // ---- pickers (records/picker.html, member-picker.html): ↓/↑ move between the search and its results ----
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') {
      return;
    }
    var picker = e.target.closest && e.target.closest('.relation-picker');
    var options = picker ? Array.prototype.slice.call(picker.querySelectorAll('.relation-option')) : [];
    if (!options.length) {
      return;
    }
    e.preventDefault();
    var at = options.indexOf(e.target) + (e.key === 'ArrowDown' ? 1 : -1);
    if (options.indexOf(e.target) < 0) {
      at = e.key === 'ArrowDown' ? 0 : options.length - 1;
    }
    var search = picker.querySelector('input[type=search]');
    if (at < 0 && search) {
      search.focus();
    } else {
      options[Math.max(0, Math.min(at, options.length - 1))].focus();
    }
  });

  // a picker's search says whether its list of results is open
  document.addEventListener('htmx:afterSwap', function (e) {
    var list = e.detail.target;
    if (list && list.classList && list.classList.contains('relation-options')) {
      var search = list.parentNode.querySelector('[role=combobox]');
      if (search) {
        search.setAttribute('aria-expanded', list.querySelector('.relation-option') ? 'true' : 'false');
      }
    }
  });

  // ---- record forms whose fields depend on each other (records/live.html) ----
  // The server decides which fields are shown and what data linkage fills in; this only says when to ask (a
  // field an agent depends on changed) and applies the answer. Nothing here evaluates a condition.
  var liveTimers = new Map();

  function fieldKey(input) {
    var name = input && input.name;
    return name && name.indexOf('values.') === 0 ? name.substring('values.'.length) : null;
  }

  function askLive(form, key, byUser) {
    if (!form || !key || !form.querySelector('[data-live]')) {
      return;
    }
    if (byUser) {
      // the user changed this field: a value it holds is theirs now, linkage no longer replaces it
      var marker = document.getElementById('linked-' + key);
      if (marker) {
        marker.value = '';
      }
    }
    form.querySelectorAll('[data-live-on]').forEach(function (agent) {
      var on = agent.getAttribute('data-live-on').split(' ');
      if (on.indexOf('*') < 0 && on.indexOf(key) < 0) {
        return;
      }
      clearTimeout(liveTimers.get(agent));
      liveTimers.set(agent, setTimeout(function () { htmx.trigger(agent, 'live'); }, 250));
    });
  }

  function onFieldEvent(e) {
    var key = fieldKey(e.target);
    if (key) {
      askLive(e.target.form || e.target.closest('form'), key, e.isTrusted);
    }
  }
  document.addEventListener('input', onFieldEvent);
  document.addEventListener('change', onFieldEvent);

  document.addEventListener('htmx:load', function (e) {
    var elt = e.detail.elt;
    if (!elt || !elt.matches) {
      return;
    }
    if (elt.matches('[data-hidden-fields]')) {
      var hidden = elt.getAttribute('data-hidden-fields').split(' ');
      var form = elt.closest('form');
      if (form) {
        form.querySelectorAll('[data-field]').forEach(function (field) {
          field.hidden = hidden.indexOf(field.getAttribute('data-field')) >= 0;
        });
      }
    } else if (elt.matches('.relation-picker')) {
      // someone picked (or removed) a record, person or team
      askLive(elt.closest('form'), fieldKey(elt.querySelector('input[type=hidden]')), true);
    } else if (elt.matches('[data-field]')) {
      // linkage filled this field: what depends on it is asked again
      askLive(elt.closest('form'), elt.getAttribute('data-field'), false);
    }
  });
})();
