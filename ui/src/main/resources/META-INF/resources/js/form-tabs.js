// Tabs of a record form's layout (records/sections.html): click or arrow keys switch the panel. Delegated
// from the document, so forms swapped in later (the designer's preview) work too. Loaded once per page.
(function () {
  if (window.tierflowFormTabs) return;
  window.tierflowFormTabs = true;

  function select(tab) {
    var bar = tab.closest('[role=tablist]');
    var layout = tab.closest('[data-form-tabs]');
    if (!bar || !layout) return;
    bar.querySelectorAll('[role=tab]').forEach(function (t) {
      var on = t === tab;
      t.setAttribute('aria-selected', on ? 'true' : 'false');
      t.tabIndex = on ? 0 : -1;
      var panel = layout.querySelector('#' + t.getAttribute('aria-controls'));
      if (panel) panel.hidden = !on;
    });
  }

  document.addEventListener('click', function (e) {
    var tab = e.target.closest && e.target.closest('[data-form-tabs] [role=tab]');
    if (tab) select(tab);
  });

  document.addEventListener('keydown', function (e) {
    var tab = e.target.closest && e.target.closest('[data-form-tabs] [role=tab]');
    if (!tab || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft')) return;
    var tabs = Array.prototype.slice.call(tab.parentNode.querySelectorAll('[role=tab]'));
    var next = tabs[(tabs.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    select(next);
    next.focus();
    e.preventDefault();
  });
})();
