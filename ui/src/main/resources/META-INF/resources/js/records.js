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
})();
