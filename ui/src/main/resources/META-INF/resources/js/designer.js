// The form designer (designer/designer.html). The draft lives here, in the browser: fields, tabs, sections and
// columns. Everything about a field type comes from the page's catalog (the types' own descriptions), so this
// file knows setting kinds (text, number, choice:…, options, formula, …), never type names. Publishing goes
// through the REST API with the session cookie; problems come back as problem+json and are shown next to the
// field and setting they name (fields[3].config.formula). Plain script, no build step.
(function () {
  'use strict';

  var root = document.getElementById('designer');
  if (!root) return;
  var data = JSON.parse(document.getElementById('designer-data').textContent);
  var csrf = root.getAttribute('data-csrf');
  var editing = !!data.form;
  var types = {};
  data.types.forEach(function (ty) { types[ty.id] = ty; });
  var COLOURS = ['#4f46e5', '#16a34a', '#f59e0b', '#dc2626', '#0891b2', '#9333ea', '#db2777', '#64748b'];
  var FORM_KEY = /^[a-z][a-z0-9_]{0,62}$/;
  var FIELD_KEY = /^[A-Za-z][A-Za-z0-9_]{0,62}$/;

  // ---- texts ----
  function t(name) {
    var text = data.text[name] || name;
    for (var i = 1; i < arguments.length; i++) text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
    return text;
  }
  function esc(s) {
    return String(s == null ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  // ---- state ----
  var seq = 0;
  var state = {
    name: editing ? data.form.name : '',
    key: editing ? data.form.key : '',
    keyTouched: false,
    fields: {},          // uid → {uid, key, label, type, required, config, saved, original, keyTouched}
    tabs: [],            // [{title, sections: [{title, columns, fields: [uid]}]}]
    removed: [],         // keys of published fields the builder deleted
    serverOrder: [],     // the published fields' keys in their stored order
    activeTab: 0,
    selected: null,      // a field's uid; null shows the form's settings
    target: null,        // {tab, section} where a clicked palette type goes
    errors: {},          // uid → {label|key|general|config.<name>: message}
    formErrors: {},      // name|key → message
    layoutErrors: {},    // 'tab:<i>' or 'section:<i>:<j>' → message
    mode: 'design',
    dirty: false,
    busy: false
  };

  function snapshot(f) {
    return JSON.stringify({ label: f.label, required: !!f.required, config: f.config });
  }

  function addField(type, values) {
    var uid = 'f' + (++seq);
    var f = {
      uid: uid, type: type, key: values.key, label: values.label, required: !!values.required,
      config: values.config || {}, saved: !!values.saved, keyTouched: !!values.saved
    };
    f.original = f.saved ? snapshot(f) : null;
    state.fields[uid] = f;
    return f;
  }

  if (editing) {
    var byKey = {};
    data.form.fields.forEach(function (x) {
      var f = addField(x.type, { key: x.key, label: x.label, required: x.required, config: x.config || {}, saved: true });
      byKey[x.key] = f.uid;
      state.serverOrder.push(x.key);
    });
    state.tabs = data.form.layout.tabs.map(function (tab) {
      return {
        title: tab.title || '',
        sections: tab.sections.map(function (s) {
          return { title: s.title || '', columns: s.columns || 2, fields: s.fields.map(function (k) { return byKey[k]; }).filter(Boolean) };
        })
      };
    });
  }
  if (!state.tabs.length) {
    state.tabs = [{ title: t('tab.first'), sections: [{ title: '', columns: 2, fields: [] }] }];
  }
  state.tabs.forEach(function (tab) { if (!tab.sections.length) tab.sections.push({ title: '', columns: 2, fields: [] }); });
  // a lone tab's title is not shown on the record page, so a form never arranged has none; it needs one once there are two
  if (state.tabs.length === 1 && !state.tabs[0].title) state.tabs[0].title = t('tab.first');

  function ordered() {
    var out = [];
    state.tabs.forEach(function (tab) { tab.sections.forEach(function (s) { s.fields.forEach(function (u) { out.push(state.fields[u]); }); }); });
    return out;
  }
  function where(uid) {
    for (var i = 0; i < state.tabs.length; i++) {
      for (var j = 0; j < state.tabs[i].sections.length; j++) {
        var k = state.tabs[i].sections[j].fields.indexOf(uid);
        if (k >= 0) return { tab: i, section: j, index: k };
      }
    }
    return null;
  }
  function input(f) {
    return { key: f.key, label: f.label, type: f.type, required: !!f.required, config: f.config };
  }
  function layoutJson() {
    return {
      tabs: state.tabs.map(function (tab) {
        return {
          title: tab.title, sections: tab.sections.map(function (s) {
            return { title: s.title, columns: s.columns, fields: s.fields.map(function (u) { return state.fields[u].key; }) };
          })
        };
      })
    };
  }
  function isRelation(field) { // points at another form and is typed in: what lookups and rollups go through
    var ty = types[field.type];
    return ty && !ty.computed && ty.options.some(function (o) { return o.kind === 'form'; });
  }
  function formByKey(key) {
    if (editing && key === state.key && data.self) return data.self;
    return data.forms.filter(function (f) { return f.key === key; })[0] || null;
  }

  // keys from labels where the label is plain ASCII; otherwise the type and a number, which the builder can change
  function slug(text) {
    var s = String(text || '').trim().replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '').toLowerCase();
    return /^[a-z]/.test(s) ? s.slice(0, 63) : null;
  }
  function taken(key, except) {
    if (state.removed.indexOf(key) >= 0) return true;
    return Object.keys(state.fields).some(function (u) { return u !== except && state.fields[u].key === key; });
  }
  function freeKey(base, except) {
    if (!taken(base, except)) return base;
    for (var n = 2; ; n++) if (!taken(base + '_' + n, except)) return base + '_' + n;
  }
  function newKey(type, label, except) {
    var s = slug(label);
    if (s) return freeKey(s, except);
    var stem = type.replace(/[^A-Za-z0-9_]/g, '_');
    for (var n = 1; ; n++) if (!taken(stem + '_' + n, except)) return stem + '_' + n;
  }

  function createField(typeId) {
    var ty = types[typeId];
    var config = {};
    ty.options.forEach(function (o) {
      if (o.kind === 'options') {
        config[o.name] = [1, 2].map(function (n) { return { key: 'option' + n, label: t('options.sample', n), color: COLOURS[n - 1] }; });
      } else if (o.kind.indexOf('choice:') === 0 && o.required && o.defaultValue != null) {
        config[o.name] = o.defaultValue;
      }
    });
    var label = ty.label;
    return addField(typeId, { key: newKey(typeId, null, null), label: label, config: config });
  }

  function markDirty() {
    state.dirty = true;
    updatePublish();
    schedulePreview();
  }

  // ---- canvas ----
  var canvas = document.getElementById('designer-canvas');
  var sortables = [];

  function renderCanvas() {
    sortables.forEach(function (s) { s.destroy(); });
    sortables = [];
    if (state.activeTab >= state.tabs.length) state.activeTab = state.tabs.length - 1;
    var tab = state.tabs[state.activeTab];
    var h = [];
    h.push('<div class="dz-tabs" role="tablist" aria-label="' + esc(t('tabs')) + '">');
    state.tabs.forEach(function (tb, i) {
      var count = tb.sections.reduce(function (n, s) { return n + s.fields.length; }, 0);
      var bad = state.layoutErrors['tab:' + i] || tb.sections.some(function (s, j) {
        return state.layoutErrors['section:' + i + ':' + j] || s.fields.some(function (u) { return hasErrors(u); });
      });
      h.push('<div class="dz-tab' + (i === state.activeTab ? ' is-active' : '') + (bad ? ' has-error' : '') + '" data-tab="' + i + '">' +
        '<button type="button" role="tab" aria-selected="' + (i === state.activeTab) + '" data-open-tab="' + i + '">' +
        esc(tb.title || t('tab.untitled')) + ' <span class="dz-count">' + count + '</span></button></div>');
    });
    h.push('<button type="button" class="dz-tab-add" data-add-tab title="' + esc(t('tab.add')) + '">+ ' + esc(t('tab.add')) + '</button></div>');

    h.push('<div class="dz-tab-bar">');
    h.push('<label class="dz-inline-label" for="dz-tab-title">' + esc(t('tab.title')) + '</label>');
    h.push('<input id="dz-tab-title" class="dz-tab-title' + (state.layoutErrors['tab:' + state.activeTab] ? ' is-invalid' : '') +
      '" maxlength="100" value="' + esc(tab.title) + '" placeholder="' + esc(t('tab.title.placeholder')) + '">');
    if (state.tabs.length > 1) {
      h.push('<button type="button" class="btn btn-secondary btn-sm" data-remove-tab>' + esc(t('tab.remove')) + '</button>');
    }
    h.push('</div>');
    if (state.layoutErrors['tab:' + state.activeTab]) h.push('<p class="field-error dz-layout-error">' + esc(state.layoutErrors['tab:' + state.activeTab]) + '</p>');

    h.push('<div class="dz-sections" data-sections>');
    tab.sections.forEach(function (s, j) {
      var target = state.target && state.target.tab === state.activeTab && state.target.section === j;
      h.push('<section class="dz-section' + (target ? ' is-target' : '') + '" data-section="' + j + '">');
      h.push('<header class="dz-section-head">');
      h.push('<span class="dz-handle" title="' + esc(t('section.drag')) + '" aria-hidden="true"></span>');
      h.push('<input class="dz-section-title" data-section-title="' + j + '" maxlength="100" value="' + esc(s.title) +
        '" placeholder="' + esc(t('section.title.placeholder')) + '" aria-label="' + esc(t('section.title')) + '">');
      h.push('<div class="dz-columns" role="group" aria-label="' + esc(t('section.columns')) + '"><span class="dz-columns-label" aria-hidden="true">' + esc(t('section.columns')) + '</span>');
      for (var c = 1; c <= 4; c++) {
        h.push('<button type="button" data-columns="' + c + '" data-for="' + j + '" aria-pressed="' + (s.columns === c) + '" title="' +
          esc(t('section.columns.n', c)) + '">' + c + '</button>');
      }
      h.push('</div>');
      if (tab.sections.length > 1) {
        h.push('<button type="button" class="dz-icon-btn" data-remove-section="' + j + '" title="' + esc(t('section.remove')) + '" aria-label="' + esc(t('section.remove')) + '">×</button>');
      }
      h.push('</header>');
      var sectionError = state.layoutErrors['section:' + state.activeTab + ':' + j];
      if (sectionError) h.push('<p class="field-error dz-layout-error">' + esc(sectionError) + '</p>');
      h.push('<ul class="dz-fields cols-' + s.columns + '" data-fields="' + j + '" data-empty="' + esc(t('section.empty')) + '">');
      s.fields.forEach(function (u) {
        var f = state.fields[u];
        var ty = types[f.type] || { label: f.type };
        var bad = hasErrors(u);
        h.push('<li class="dz-field' + (state.selected === u ? ' is-selected' : '') + (bad ? ' has-error' : '') + '" data-uid="' + u + '" tabindex="0" aria-label="' + esc(f.label) + '">' +
          '<span class="dz-field-label">' + esc(f.label || t('field.unnamed')) + (f.required ? '<span class="required" aria-hidden="true">*</span>' : '') + '</span>' +
          '<span class="dz-field-meta"><span class="dz-field-type">' + esc(ty.label) + '</span><code class="dz-field-key">' + esc(f.key) + '</code></span>' +
          (bad ? '<span class="dz-field-alert" title="' + esc(t('field.has-error')) + '">!</span>' : '') +
          '<button type="button" class="dz-field-remove" data-remove-field="' + u + '" title="' + esc(t('field.remove')) + '" aria-label="' + esc(t('field.remove')) + '">×</button></li>');
      });
      h.push('</ul></section>');
    });
    h.push('</div>');
    h.push('<button type="button" class="dz-add-section" data-add-section>+ ' + esc(t('section.add')) + '</button>');
    canvas.innerHTML = h.join('');
    wireSortables();
  }

  function hasErrors(uid) {
    var e = state.errors[uid];
    return !!e && Object.keys(e).length > 0;
  }

  function wireSortables() {
    if (!window.Sortable) return;
    var common = { animation: 150, forceFallback: true, fallbackOnBody: true, fallbackTolerance: 3 };
    canvas.querySelectorAll('[data-fields]').forEach(function (ul) {
      sortables.push(Sortable.create(ul, Object.assign({}, common, {
        group: { name: 'fields', pull: true, put: true },
        draggable: '.dz-field, .palette-item',
        emptyInsertThreshold: 24,
        onAdd: function (e) { setTimeout(function () { dropped(e.item, 'section'); }, 0); },
        onUpdate: function () { setTimeout(readSections, 0); }
      })));
    });
    canvas.querySelectorAll('.dz-tab:not(.is-active)').forEach(function (tabEl) {
      sortables.push(Sortable.create(tabEl, Object.assign({}, common, {
        group: { name: 'fields', pull: false, put: true },
        draggable: '.dz-field, .palette-item',
        onAdd: function (e) { setTimeout(function () { droppedOnTab(e.item, Number(tabEl.getAttribute('data-tab'))); }, 0); }
      })));
    });
    var sections = canvas.querySelector('[data-sections]');
    sortables.push(Sortable.create(sections, Object.assign({}, common, {
      handle: '.dz-handle', draggable: '.dz-section',
      onUpdate: function (e) {
        var list = state.tabs[state.activeTab].sections;
        var moved = list.splice(e.oldIndex, 1)[0];
        list.splice(e.newIndex, 0, moved);
        state.target = null;
        setTimeout(function () { renderCanvas(); markDirty(); }, 0);
      }
    })));
  }

  // after a drop, the DOM of the open tab says where each field is now
  function readSections() {
    var tab = state.tabs[state.activeTab];
    canvas.querySelectorAll('[data-fields]').forEach(function (ul) {
      var j = Number(ul.getAttribute('data-fields'));
      tab.sections[j].fields = Array.prototype.map.call(ul.querySelectorAll('[data-uid]'), function (li) { return li.getAttribute('data-uid'); })
        .filter(function (u) { return state.fields[u]; });
    });
    renderCanvas();
    markDirty();
  }

  function dropped(item, where) {
    var type = item.getAttribute('data-type');
    if (type) { // a type from the palette: a new field where it was dropped
      var f = createField(type);
      item.setAttribute('data-uid', f.uid);
      item.removeAttribute('data-type');
      readSections();
      select(f.uid, true);
      return;
    }
    // a field from another tab's section: readSections covers both ends, as they are in the same tab
    readSections();
  }

  function droppedOnTab(item, tabIndex) {
    var type = item.getAttribute('data-type');
    var uid = item.getAttribute('data-uid');
    item.parentNode && item.parentNode.removeChild(item);
    var f = type ? createField(type) : state.fields[uid];
    if (!f) { renderCanvas(); return; }
    state.tabs.forEach(function (tb) { tb.sections.forEach(function (s) { s.fields = s.fields.filter(function (u) { return u !== f.uid; }); }); });
    var sections = state.tabs[tabIndex].sections;
    sections[sections.length - 1].fields.push(f.uid);
    state.activeTab = tabIndex;
    state.target = null;
    select(f.uid, !!type);
    markDirty();
  }

  function addToTarget(typeId) {
    var tab = state.tabs[state.activeTab];
    var j = state.target && state.target.tab === state.activeTab && tab.sections[state.target.section] ? state.target.section : tab.sections.length - 1;
    var f = createField(typeId);
    tab.sections[j].fields.push(f.uid);
    select(f.uid, true);
    markDirty();
  }

  function removeField(uid) {
    var f = state.fields[uid];
    if (!f) return;
    if (f.saved && !window.confirm(t('field.remove.confirm', f.label))) return;
    state.tabs.forEach(function (tb) { tb.sections.forEach(function (s) { s.fields = s.fields.filter(function (u) { return u !== uid; }); }); });
    if (f.saved) state.removed.push(f.key);
    delete state.fields[uid];
    delete state.errors[uid];
    if (state.selected === uid) state.selected = null;
    renderCanvas();
    renderProps();
    markDirty();
  }

  canvas.addEventListener('click', function (e) {
    var el;
    if ((el = e.target.closest('[data-remove-field]'))) { removeField(el.getAttribute('data-remove-field')); return; }
    if ((el = e.target.closest('[data-open-tab]'))) {
      state.activeTab = Number(el.getAttribute('data-open-tab'));
      state.target = null;
      renderCanvas();
      return;
    }
    if (e.target.closest('[data-add-tab]')) {
      state.tabs.push({ title: t('tab.new', state.tabs.length + 1), sections: [{ title: '', columns: 2, fields: [] }] });
      state.activeTab = state.tabs.length - 1;
      state.target = null;
      renderCanvas();
      markDirty();
      var title = document.getElementById('dz-tab-title');
      title.focus();
      title.select();
      return;
    }
    if (e.target.closest('[data-remove-tab]')) {
      var gone = state.tabs.splice(state.activeTab, 1)[0];
      var into = state.tabs[Math.max(0, state.activeTab - 1)];
      var keep = into.sections[into.sections.length - 1];
      gone.sections.forEach(function (s) { if (s.fields.length || s.title) into.sections.push(s); });
      if (!into.sections.length) into.sections.push(keep);
      state.activeTab = Math.max(0, state.activeTab - 1);
      state.layoutErrors = {};
      renderCanvas();
      markDirty();
      return;
    }
    if ((el = e.target.closest('[data-columns]'))) {
      state.tabs[state.activeTab].sections[Number(el.getAttribute('data-for'))].columns = Number(el.getAttribute('data-columns'));
      renderCanvas();
      markDirty();
      return;
    }
    if ((el = e.target.closest('[data-remove-section]'))) {
      var list = state.tabs[state.activeTab].sections;
      var j = Number(el.getAttribute('data-remove-section'));
      var removed = list.splice(j, 1)[0];
      list[Math.max(0, j - 1)].fields = list[Math.max(0, j - 1)].fields.concat(removed.fields);
      state.target = null;
      state.layoutErrors = {};
      renderCanvas();
      markDirty();
      return;
    }
    if (e.target.closest('[data-add-section]')) {
      var sections = state.tabs[state.activeTab].sections;
      sections.push({ title: '', columns: 2, fields: [] });
      state.target = { tab: state.activeTab, section: sections.length - 1 };
      renderCanvas();
      markDirty();
      var inputs = canvas.querySelectorAll('[data-section-title]');
      inputs[inputs.length - 1].focus();
      return;
    }
    if ((el = e.target.closest('[data-uid]'))) { select(el.getAttribute('data-uid'), false); return; }
    if ((el = e.target.closest('[data-section]'))) {
      var j2 = Number(el.getAttribute('data-section'));
      if (!state.target || state.target.tab !== state.activeTab || state.target.section !== j2) {
        state.target = { tab: state.activeTab, section: j2 };
        canvas.querySelectorAll('.dz-section').forEach(function (sec) { sec.classList.toggle('is-target', Number(sec.getAttribute('data-section')) === j2); });
      }
      if (!e.target.closest('input, button')) select(null, false);
      return;
    }
    select(null, false);
  });

  canvas.addEventListener('keydown', function (e) {
    var el = e.target.closest('[data-uid]');
    if (el && e.target === el && (e.key === 'Enter' || e.key === ' ')) { select(el.getAttribute('data-uid'), true); e.preventDefault(); }
    if (el && e.target === el && e.key === 'Delete') { removeField(el.getAttribute('data-uid')); e.preventDefault(); }
  });

  canvas.addEventListener('input', function (e) {
    var el = e.target;
    if (el.id === 'dz-tab-title') {
      state.tabs[state.activeTab].title = el.value;
      delete state.layoutErrors['tab:' + state.activeTab];
      var btn = canvas.querySelector('[data-open-tab="' + state.activeTab + '"]');
      if (btn) btn.firstChild.nodeValue = (el.value || t('tab.untitled')) + ' ';
      markDirty();
    } else if (el.hasAttribute('data-section-title')) {
      state.tabs[state.activeTab].sections[Number(el.getAttribute('data-section-title'))].title = el.value;
      markDirty();
    }
  });

  // ---- palette ----
  document.querySelectorAll('[data-palette]').forEach(function (ul) {
    if (window.Sortable) {
      Sortable.create(ul, {
        group: { name: 'fields', pull: 'clone', put: false }, sort: false, animation: 150,
        forceFallback: true, fallbackOnBody: true, fallbackTolerance: 3
      });
    }
    ul.addEventListener('click', function (e) {
      var item = e.target.closest('[data-type]');
      if (item) addToTarget(item.getAttribute('data-type'));
    });
    ul.addEventListener('keydown', function (e) {
      var item = e.target.closest('[data-type]');
      if (item && (e.key === 'Enter' || e.key === ' ')) { addToTarget(item.getAttribute('data-type')); e.preventDefault(); }
    });
  });

  // ---- properties ----
  var props = document.getElementById('designer-props-body');

  function select(uid, focusLabel) {
    state.selected = uid;
    if (uid) {
      var at = where(uid);
      if (at) {
        state.activeTab = at.tab;
        state.target = { tab: at.tab, section: at.section };
      }
    }
    renderCanvas();
    renderProps();
    if (uid && focusLabel) {
      var label = document.getElementById('p-label');
      if (label) { label.focus(); label.select(); }
    }
  }

  function errorFor(uid, name) {
    var e = state.errors[uid];
    return e && e[name] ? '<p class="field-error" id="err-' + esc(name.replace(/\W/g, '-')) + '">' + esc(e[name]) + '</p>' : '';
  }
  function invalid(uid, name) {
    var e = state.errors[uid];
    return e && e[name] ? ' aria-invalid="true"' : '';
  }

  function renderProps() {
    var h = [];
    if (!state.selected) {
      h.push('<p class="designer-hint">' + esc(t('props.none')) + '</p>');
      h.push('<h3 class="props-group">' + esc(t('form.settings')) + '</h3>');
      h.push('<div class="field' + (state.formErrors.name ? ' has-error' : '') + '"><label for="p-form-name">' + esc(t('form.name')) + '<span class="required" aria-hidden="true">*</span></label>' +
        '<input id="p-form-name" maxlength="200" value="' + esc(state.name) + '"' + (editing ? ' readonly' : '') + (state.formErrors.name ? ' aria-invalid="true"' : '') + '>' +
        (state.formErrors.name ? '<p class="field-error">' + esc(state.formErrors.name) + '</p>' : '') + '</div>');
      h.push('<div class="field' + (state.formErrors.key ? ' has-error' : '') + '"><label for="p-form-key">' + esc(t('form.key')) + '<span class="required" aria-hidden="true">*</span></label>' +
        '<input id="p-form-key" class="mono" maxlength="63" value="' + esc(state.key) + '" autocomplete="off" spellcheck="false"' + (editing ? ' readonly' : '') + (state.formErrors.key ? ' aria-invalid="true"' : '') + '>' +
        (state.formErrors.key ? '<p class="field-error">' + esc(state.formErrors.key) + '</p>' : '') +
        '<p class="field-hint">' + esc(editing ? t('form.key.fixed') : t('form.key.hint')) + '</p></div>');
      var n = ordered().length;
      h.push('<p class="props-summary">' + esc(t('form.summary', n, state.tabs.length)) + '</p>');
      props.innerHTML = h.join('');
      return;
    }
    var f = state.fields[state.selected];
    var ty = types[f.type];
    var errs = state.errors[f.uid] || {};
    h.push('<div class="props-head"><span class="badge badge-primary">' + esc(ty.label) + '</span>' +
      '<span class="props-state">' + esc(f.saved ? t('field.saved') : t('field.new')) + '</span>' +
      '<button type="button" class="btn-link" data-deselect>' + esc(t('props.back')) + '</button></div>');
    ['general', 'type', 'config', 'required'].forEach(function (k) { if (errs[k]) h.push('<div class="alert alert-error">' + esc(errs[k]) + '</div>'); });
    h.push('<div class="field' + (errs.label ? ' has-error' : '') + '"><label for="p-label">' + esc(t('field.label')) + '<span class="required" aria-hidden="true">*</span></label>' +
      '<input id="p-label" data-prop="label" maxlength="200" value="' + esc(f.label) + '"' + invalid(f.uid, 'label') + '>' + errorFor(f.uid, 'label') + '</div>');
    h.push('<div class="field' + (errs.key ? ' has-error' : '') + '"><label for="p-key">' + esc(t('field.key')) + '<span class="required" aria-hidden="true">*</span></label>' +
      '<input id="p-key" class="mono" data-prop="key" maxlength="63" autocomplete="off" spellcheck="false" value="' + esc(f.key) + '"' + (f.saved ? ' readonly' : '') + invalid(f.uid, 'key') + '>' +
      errorFor(f.uid, 'key') + '<p class="field-hint">' + esc(f.saved ? t('field.key.fixed') : t('field.key.hint')) + '</p></div>');
    if (!ty.computed) {
      h.push('<label class="check"><input type="checkbox" id="p-required" data-prop="required"' + (f.required ? ' checked' : '') + '> ' + esc(t('field.required')) + '</label>');
    } else {
      h.push('<p class="field-hint props-computed">' + esc(t('field.computed')) + '</p>');
    }
    if (ty.options.length) {
      h.push('<h3 class="props-group">' + esc(t('props.settings')) + '</h3>');
      ty.options.forEach(function (o) { h.push(optionControl(f, o)); });
    }
    if (ty.common.length) {
      var open = ty.common.some(function (o) { return errs['config.' + o.name] || f.config[o.name] != null && f.config[o.name] !== '' && f.config[o.name] !== false && !(Array.isArray(f.config[o.name]) && !f.config[o.name].length); });
      h.push('<details class="props-more"' + (open ? ' open' : '') + '><summary>' + esc(t('props.more')) + '</summary>');
      ty.common.forEach(function (o) { h.push(optionControl(f, o)); });
      h.push('</details>');
    }
    h.push('<div class="props-actions"><button type="button" class="btn btn-secondary btn-sm btn-danger-text" data-remove-field="' + f.uid + '">' + esc(t('field.remove')) + '</button></div>');
    props.innerHTML = h.join('');
    wireOptionLists(f);
    attachFormulaEditors(f);
    props.querySelectorAll('[data-formula]').forEach(function (area) { if (!area.hasAttribute('aria-invalid')) checkFormula(area, true); });
  }

  // ---- formula settings in the formula editor (/js/formula-editor.js): completion of the draft's fields and the
  // platform's functions, checked against the draft (its fields may not be published yet); without the editor's
  // scripts the plain box stays, checked by checkFormula below ----
  function formulaNames(f, filter) {
    var list = filter ? (childForm(f) || { fields: [] }).fields : ordered().filter(function (x) { return x.uid !== f.uid; });
    var own = list.map(function (x) {
      return { name: x.key, label: x.label, kind: 'field', typeName: x.type && types[x.type] ? types[x.type].label : '' };
    });
    // the saved form's related records (customer.region) and lists (COUNT(orders), SUM(orders.amount, …))
    return filter ? own : own.concat((data.linkNames || []).map(function (x) {
      return { name: x.key, label: x.label, kind: x.kind, typeName: x.typeName || '' };
    }));
  }
  function formulaCheckBody(f, filter, text) {
    if (filter) {
      var child = childForm(f);
      return { form: child ? child.key : null, formula: text };
    }
    return { form: editing ? state.key : null, formula: text, fields: ordered().map(input) };
  }
  function attachFormulaEditors(f) {
    if (!window.TierflowFormula) return;
    props.querySelectorAll('textarea[data-formula]').forEach(function (area) {
      var filter = area.getAttribute('data-formula') === 'filter';
      var editor = window.TierflowFormula.attach(area, {
        texts: data.formulaText, preview: false, required: area.hasAttribute('data-required'),
        expect: area.getAttribute('data-opt') === 'visibleWhen' ? 'BOOLEAN' : null,
        names: function () { return formulaNames(f, filter); },
        checkBody: function (text) { return formulaCheckBody(f, filter, text); },
        // the publish's message under the box stays until the builder changes the formula
        checkNow: !area.hasAttribute('aria-invalid')
      });
      if (!editor) return;
      // one status line, the editor's, under the id the plain box's had
      var own = document.getElementById(area.id + '-status');
      var status = editor.cm.getWrapperElement().parentNode.querySelector('.formula-status');
      if (own && status) {
        own.remove();
        status.id = area.id + '-status';
      }
    });
  }
  // an editor inside a closed "more settings" has no size until it is opened
  props.addEventListener('toggle', function (e) {
    if (!e.target.open) return;
    e.target.querySelectorAll('textarea[data-formula]').forEach(function (a) { if (a.formulaEditor) a.formulaEditor.refresh(); });
  }, true);

  function optionId(o) { return 'p-opt-' + o.name; }

  function optionControl(f, o) {
    var id = optionId(o);
    var value = f.config[o.name];
    var err = errorFor(f.uid, 'config.' + o.name);
    var bad = invalid(f.uid, 'config.' + o.name);
    var label = '<label for="' + id + '">' + esc(o.label) + (o.required ? '<span class="required" aria-hidden="true">*</span>' : '') + '</label>';
    // what a setting does, where its label is not enough (visibility conditions, data linkage)
    var hint = o.description ? '<p class="field-hint">' + esc(o.description) + '</p>' : '';
    var wrap = function (inner, extra) { return '<div class="field field-option' + (err ? ' has-error' : '') + (extra || '') + '">' + inner + hint + err + '</div>'; };
    var kind = o.kind;
    if (kind === 'boolean') {
      var on = value == null ? !!o.defaultValue : !!value;
      return wrap('<label class="check"><input type="checkbox" id="' + id + '" data-opt="' + esc(o.name) + '" data-kind="boolean"' + (on ? ' checked' : '') + bad + '> ' + esc(o.label) + '</label>');
    }
    if (kind === 'number') {
      return wrap(label + '<input id="' + id + '" type="number" step="any" data-opt="' + esc(o.name) + '" data-kind="number" value="' + esc(value == null ? '' : value) +
        '" placeholder="' + esc(o.defaultValue == null ? '' : o.defaultValue) + '"' + bad + '>');
    }
    if (kind.indexOf('choice:') === 0) {
      var current = value == null ? o.defaultValue : value;
      var opts = (o.required ? '' : '<option value="">' + esc(t('choose')) + '</option>') + o.choices.map(function (c) {
        return '<option value="' + esc(c.value) + '"' + (String(current) === c.value ? ' selected' : '') + '>' + esc(c.label) + '</option>';
      }).join('');
      return wrap(label + '<select id="' + id + '" data-opt="' + esc(o.name) + '" data-kind="choice"' + bad + '>' + opts + '</select>');
    }
    if (kind === 'form') {
      return wrap(label + select0(id, o, value, data.forms.map(function (x) { return { value: x.key, label: x.name + ' (' + x.key + ')' }; }), bad));
    }
    if (kind === 'relation-field') {
      var rel = ordered().filter(function (x) { return x.uid !== f.uid && isRelation(x); });
      return wrap(label + select0(id, o, value, rel.map(function (x) { return { value: x.key, label: x.label + ' (' + x.key + ')' }; }), bad) +
        (rel.length ? '' : '<p class="field-hint">' + esc(t('option.no-relation')) + '</p>'));
    }
    if (kind === 'target-field') {
      var relOpt = types[f.type].options.filter(function (x) { return x.kind === 'relation-field'; })[0];
      var relField = relOpt && ordered().filter(function (x) { return x.key === f.config[relOpt.name]; })[0];
      var target = relField && formByKey(relField.config.form);
      return wrap(label + select0(id, o, value, target ? target.fields.map(function (x) { return { value: x.key, label: x.label + ' (' + x.key + ')' }; }) : [], bad));
    }
    if (kind === 'child-relation-field' || kind === 'child-field') {
      var child = childForm(f);
      var list = child ? child.fields.filter(function (x) {
        return kind === 'child-field' || (isRelation(x) && (!x.form || !state.key || x.form === state.key));
      }) : [];
      return wrap(label + select0(id, o, value, list.map(function (x) { return { value: x.key, label: x.label + ' (' + x.key + ')' }; }), bad));
    }
    if (kind === 'options') {
      return wrap('<span class="field-label" id="' + id + '-label">' + esc(o.label) + (o.required ? '<span class="required" aria-hidden="true">*</span>' : '') + '</span>' +
        '<div class="opt-list" data-options="' + esc(o.name) + '" role="list" aria-labelledby="' + id + '-label">' + (Array.isArray(value) ? value : []).map(function (c, i) {
          return optionRow(o, c, i);
        }).join('') + '</div>' +
        '<button type="button" class="btn-link" data-add-option="' + esc(o.name) + '">+ ' + esc(t('options.add')) + '</button>', ' field-options');
    }
    if (kind === 'formula' || kind === 'filter') {
      var reads = kind === 'formula' ? ordered().filter(function (x) { return x.uid !== f.uid; }) : (childForm(f) || { fields: [] }).fields;
      // the publish's message (err) right under the box; the live check takes over once the builder types
      return '<div class="field field-option' + (err ? ' has-error' : '') + '">' + label + '<textarea id="' + id + '" class="mono formula" rows="3" spellcheck="false" data-opt="' + esc(o.name) + '" data-kind="text" data-formula="' + kind + '"' + (o.required ? ' data-required' : '') + bad +
        ' placeholder="' + esc(t('formula.placeholder')) + '">' + esc(value == null ? '' : value) + '</textarea>' + hint + err +
        '<p class="formula-status" id="' + id + '-status" aria-live="polite"></p>' +
        (reads.length ? '<div class="formula-fields" aria-label="' + esc(t('formula.insert')) + '"><span class="muted">' + esc(t('formula.insert')) + '</span>' + reads.map(function (x) {
          return '<button type="button" class="chip" data-insert="' + esc(x.key) + '" data-into="' + id + '" title="' + esc(x.key) + '">' + esc(x.label) + '</button>';
        }).join('') + '</div>' : '') + '</div>';
    }
    if (kind === 'fields') {
      var others = ordered().filter(function (x) { return x.uid !== f.uid && !types[x.type].computed; });
      var chosen = Array.isArray(value) ? value : [];
      return wrap('<span class="field-label">' + esc(o.label) + '</span><div class="opt-checks">' + (others.length ? others.map(function (x) {
        return '<label class="check"><input type="checkbox" data-opt-list="' + esc(o.name) + '" value="' + esc(x.key) + '"' + (chosen.indexOf(x.key) >= 0 ? ' checked' : '') + '> ' + esc(x.label) + '</label>';
      }).join('') : '<span class="muted">' + esc(t('option.no-fields')) + '</span>') + '</div>');
    }
    // text, value and any kind this page does not know yet: a text box
    return wrap(label + '<input id="' + id + '" data-opt="' + esc(o.name) + '" data-kind="text" value="' + esc(value == null ? '' : (typeof value === 'object' ? JSON.stringify(value) : value)) +
      '" placeholder="' + esc(o.defaultValue == null ? '' : o.defaultValue) + '"' + bad + '>');
  }

  function select0(id, o, value, choices, bad) {
    return '<select id="' + id + '" data-opt="' + esc(o.name) + '" data-kind="choice"' + bad + '><option value="">' + esc(t('choose')) + '</option>' +
      choices.map(function (c) { return '<option value="' + esc(c.value) + '"' + (value === c.value ? ' selected' : '') + '>' + esc(c.label) + '</option>'; }).join('') +
      (value && !choices.some(function (c) { return c.value === value; }) ? '<option value="' + esc(value) + '" selected>' + esc(value) + '</option>' : '') + '</select>';
  }

  function childForm(f) {
    var formOpt = types[f.type].options.filter(function (x) { return x.kind === 'form'; })[0];
    return formOpt ? formByKey(f.config[formOpt.name]) : null;
  }

  function optionRow(o, c, i) {
    var colour = c.color || COLOURS[i % COLOURS.length];
    return '<div class="opt-row" role="listitem" data-index="' + i + '">' +
      '<span class="opt-grip" title="' + esc(t('options.drag')) + '" aria-hidden="true"></span>' +
      '<input type="color" class="opt-colour" data-option-colour value="' + esc(colour) + '" aria-label="' + esc(t('options.colour')) + '">' +
      '<input class="opt-label" data-option-label value="' + esc(c.label) + '" placeholder="' + esc(t('options.label')) + '" aria-label="' + esc(t('options.label')) + '">' +
      '<input class="opt-key mono" data-option-key value="' + esc(c.key) + '" placeholder="' + esc(t('options.key')) + '" aria-label="' + esc(t('options.key')) + '" spellcheck="false">' +
      '<button type="button" class="dz-icon-btn" data-remove-option="' + i + '" title="' + esc(t('options.remove')) + '" aria-label="' + esc(t('options.remove')) + '">×</button></div>';
  }

  function wireOptionLists(f) {
    if (!window.Sortable) return;
    props.querySelectorAll('[data-options]').forEach(function (list) {
      Sortable.create(list, {
        handle: '.opt-grip', animation: 150, forceFallback: true, fallbackOnBody: true,
        onUpdate: function (e) {
          var name = list.getAttribute('data-options');
          var items = f.config[name];
          items.splice(e.newIndex, 0, items.splice(e.oldIndex, 1)[0]);
          setTimeout(function () { renderProps(); renderCanvas(); markDirty(); }, 0);
        }
      });
    });
  }

  function currentField() { return state.selected ? state.fields[state.selected] : null; }

  // the builder is fixing it: the message goes, the rest stay until the next publish
  function clearError(f, name) {
    if (!state.errors[f.uid] || !state.errors[f.uid][name]) return;
    delete state.errors[f.uid][name];
    var active = document.activeElement;
    var wrap = active && active.closest && active.closest('.field');
    if (wrap) {
      wrap.classList.remove('has-error');
      var p = wrap.querySelector('.field-error');
      if (p) p.remove();
      active.removeAttribute('aria-invalid');
    }
  }

  props.addEventListener('input', function (e) {
    var el = e.target;
    var f = currentField();
    if (!f) {
      if (el.id === 'p-form-name') {
        state.name = el.value;
        if (!state.keyTouched && !editing) {
          state.key = (slug(el.value) || '').slice(0, 63);
          var k = document.getElementById('p-form-key');
          if (k) k.value = state.key;
        }
        delete state.formErrors.name;
      } else if (el.id === 'p-form-key') {
        state.key = el.value.trim();
        state.keyTouched = true;
        delete state.formErrors.key;
      }
      updatePublish();
      return;
    }
    var prop = el.getAttribute('data-prop');
    if (prop === 'label') {
      f.label = el.value;
      if (!f.saved && !f.keyTouched) {
        var s = slug(el.value);
        if (s) {
          f.key = freeKey(s, f.uid);
          document.getElementById('p-key').value = f.key;
        }
      }
      clearError(f, 'label');
    } else if (prop === 'key') {
      f.key = el.value.trim();
      f.keyTouched = true;
      clearError(f, 'key');
    } else if (el.hasAttribute('data-opt') && el.getAttribute('data-kind') !== 'choice' && el.getAttribute('data-kind') !== 'boolean') {
      setOption(f, el.getAttribute('data-opt'), el.getAttribute('data-kind'), el.value);
      clearError(f, 'config.' + el.getAttribute('data-opt'));
      if (el.hasAttribute('data-formula')) checkFormula(el, false);
    } else if (el.closest('.opt-row')) {
      var row = el.closest('.opt-row');
      var name = row.parentNode.getAttribute('data-options');
      var item = f.config[name][Number(row.getAttribute('data-index'))];
      if (el.hasAttribute('data-option-label')) {
        var before = item.label;
        item.label = el.value;
        var auto = slug(el.value);
        if (auto && (item.key === slug(before) || /^option\d+$/.test(item.key))) {
          item.key = auto;
          row.querySelector('[data-option-key]').value = auto;
        }
      } else if (el.hasAttribute('data-option-key')) {
        item.key = el.value.trim();
      } else if (el.hasAttribute('data-option-colour')) {
        item.color = el.value;
      }
      clearError(f, 'config.' + name);
    } else {
      return;
    }
    renderCanvas();
    markDirty();
  });

  props.addEventListener('change', function (e) {
    var el = e.target;
    var f = currentField();
    if (!f) return;
    if (el.getAttribute('data-prop') === 'required') {
      f.required = el.checked;
    } else if (el.hasAttribute('data-opt') && el.getAttribute('data-kind') === 'choice') {
      setOption(f, el.getAttribute('data-opt'), 'text', el.value);
      clearError(f, 'config.' + el.getAttribute('data-opt'));
      renderProps(); // the settings that depend on this one (a relation's target fields, …)
    } else if (el.hasAttribute('data-opt') && el.getAttribute('data-kind') === 'boolean') {
      f.config[el.getAttribute('data-opt')] = el.checked;
    } else if (el.hasAttribute('data-opt-list')) {
      var name = el.getAttribute('data-opt-list');
      f.config[name] = Array.prototype.map.call(props.querySelectorAll('[data-opt-list="' + name + '"]:checked'), function (x) { return x.value; });
      if (!f.config[name].length) delete f.config[name];
    } else {
      return;
    }
    renderCanvas();
    markDirty();
  });

  props.addEventListener('click', function (e) {
    var el;
    var f = currentField();
    if (e.target.closest('[data-deselect]')) { select(null, false); return; }
    if ((el = e.target.closest('[data-remove-field]'))) { removeField(el.getAttribute('data-remove-field')); return; }
    if (!f) return;
    if ((el = e.target.closest('[data-add-option]'))) {
      var name = el.getAttribute('data-add-option');
      var list = Array.isArray(f.config[name]) ? f.config[name] : (f.config[name] = []);
      var n = list.length + 1;
      var key = 'option' + n;
      while (list.some(function (c) { return c.key === key; })) key = 'option' + (++n);
      list.push({ key: key, label: t('options.sample', n), color: COLOURS[(list.length) % COLOURS.length] });
      renderProps();
      var labels = props.querySelectorAll('[data-options="' + name + '"] [data-option-label]');
      labels[labels.length - 1].focus();
      labels[labels.length - 1].select();
      markDirty();
      return;
    }
    if ((el = e.target.closest('[data-remove-option]'))) {
      var row = el.closest('.opt-row');
      var opts = f.config[row.parentNode.getAttribute('data-options')];
      opts.splice(Number(el.getAttribute('data-remove-option')), 1);
      renderProps();
      markDirty();
      return;
    }
    if ((el = e.target.closest('[data-insert]'))) {
      var area = document.getElementById(el.getAttribute('data-into'));
      var text = el.getAttribute('data-insert');
      if (area.formulaEditor) {
        // the editor's change writes the textarea back and sends its input event
        area.formulaEditor.cm.replaceSelection(text);
        area.formulaEditor.cm.focus();
        return;
      }
      var start = area.selectionStart, end = area.selectionEnd;
      area.value = area.value.slice(0, start) + text + area.value.slice(end);
      area.focus();
      area.selectionStart = area.selectionEnd = start + text.length;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });

  function setOption(f, name, kind, raw) {
    if (raw === '' || raw == null) {
      delete f.config[name];
    } else if (kind === 'number') {
      var n = Number(raw);
      f.config[name] = isNaN(n) ? raw : n;
    } else {
      f.config[name] = raw;
    }
  }

  // ---- formulas: checked as the builder types, against the draft's fields ----
  var checkTimers = {};
  function checkFormula(area, now) {
    if (area.formulaEditor) return; // the editor checks it itself
    var id = area.id;
    clearTimeout(checkTimers[id]);
    checkTimers[id] = setTimeout(function () { runCheck(area); }, now ? 0 : 350);
  }
  function runCheck(area) {
    // a check typed before the panel was redrawn (a publish, another field) is for a box that is gone
    if (!document.body.contains(area) || area.hasAttribute('aria-invalid')) return;
    var status = document.getElementById(area.id + '-status');
    if (!status) return;
    var f = currentField();
    var text = area.value;
    if (!f) return;
    if (!text.trim()) {
      status.className = 'formula-status';
      status.textContent = area.hasAttribute('data-required') && !area.hasAttribute('aria-invalid') ? t('formula.empty') : '';
      return;
    }
    var body;
    if (area.getAttribute('data-formula') === 'filter') {
      var child = childForm(f);
      if (!child) { status.className = 'formula-status'; status.textContent = t('formula.choose-form'); return; }
      body = { form: child.key, formula: text };
    } else {
      body = { form: editing ? state.key : null, formula: text, fields: ordered().map(input) };
    }
    status.className = 'formula-status is-checking';
    status.textContent = t('formula.checking');
    api('POST', '/api/formulas/check', body).then(function (res) {
      if (area.value !== text || !document.body.contains(status)) return;
      if (res.ok) {
        status.className = 'formula-status is-ok';
        status.textContent = '✓ ' + t('formula.ok', t('value.' + res.body.type)) +
          (res.body.fields && res.body.fields.length ? ' · ' + t('formula.reads', res.body.fields.join(', ')) : '');
      } else {
        status.className = 'formula-status is-bad';
        var p = res.body || {};
        var msg = p.errors && p.errors.length ? p.errors[0].message : (p.title || t('error.http', res.status));
        status.textContent = '✗ ' + msg; // the message names the line and column itself
      }
    });
  }

  // ---- preview: the record page's own rendering of the draft ----
  var preview = document.getElementById('designer-preview');
  var previewBody = document.getElementById('designer-preview-body');
  var previewTimer = null;
  var previewSeq = 0;
  function schedulePreview() {
    if (state.mode !== 'preview') return;
    clearTimeout(previewTimer);
    previewTimer = setTimeout(renderPreview, 250);
  }
  function renderPreview() {
    var mine = ++previewSeq;
    preview.setAttribute('aria-busy', 'true');
    fetch('/forms/design/preview', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'text/html', 'X-CSRF-Token': csrf },
      body: JSON.stringify({ form: editing ? state.key : null, fields: ordered().map(input), layout: layoutJson() })
    }).then(function (res) { return res.text().then(function (html) { return { ok: res.ok, html: html }; }); })
      .then(function (r) {
        if (mine !== previewSeq) return;
        preview.removeAttribute('aria-busy');
        previewBody.innerHTML = r.ok ? r.html : '<p class="designer-empty">' + esc(t('preview.failed')) + '</p>';
      });
  }
  function setMode(mode) {
    state.mode = mode;
    var design = document.getElementById('mode-design');
    var prev = document.getElementById('mode-preview');
    design.setAttribute('aria-selected', mode === 'design');
    prev.setAttribute('aria-selected', mode === 'preview');
    design.tabIndex = mode === 'design' ? 0 : -1;
    prev.tabIndex = mode === 'preview' ? 0 : -1;
    canvas.hidden = mode !== 'design';
    preview.hidden = mode !== 'preview';
    if (mode === 'preview') renderPreview();
  }
  document.getElementById('mode-design').addEventListener('click', function () { setMode('design'); });
  document.getElementById('mode-preview').addEventListener('click', function () { setMode('preview'); });

  // ---- publishing ----
  var publishBtn = document.getElementById('designer-publish');
  var statusEl = document.getElementById('designer-status');
  var alertEl = document.getElementById('designer-alert');

  function updatePublish() {
    publishBtn.disabled = state.busy || (editing && !state.dirty);
    statusEl.textContent = state.busy ? t('publishing') : state.dirty ? t('unpublished') : editing ? t('up-to-date') : '';
  }

  function api(method, url, body) {
    return fetch(url, {
      method: method, credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'X-CSRF-Token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      return res.text().then(function (text) {
        var json = null;
        try { json = text ? JSON.parse(text) : null; } catch (ignored) { json = null; }
        return { ok: res.ok, status: res.status, body: json };
      });
    }, function () { return { ok: false, status: 0, body: { title: t('error.network') } }; });
  }

  function showAlert(lines) {
    if (!lines.length) { alertEl.hidden = true; alertEl.innerHTML = ''; return; }
    alertEl.innerHTML = lines.map(function (l, i) { return '<p' + (i === 0 ? ' class="alert-lead"' : '') + '>' + esc(l) + '</p>'; }).join('');
    alertEl.hidden = false;
  }

  function clearErrors() {
    state.errors = {};
    state.formErrors = {};
    state.layoutErrors = {};
    showAlert([]);
  }

  function norm(rest) {
    if (!rest) return 'general';
    var parts = rest.split('.');
    var first = parts[0].replace(/\[.*$/, '');
    if (first === 'config' && parts[1]) return 'config.' + parts[1].replace(/\[.*$/, '');
    return first;
  }

  function fieldError(f, name, message) {
    (state.errors[f.uid] = state.errors[f.uid] || {})[name] = message;
  }

  // a problem+json answer, its errors put where they belong; ctx.list for fields[i], ctx.field for one field
  function applyProblem(res, ctx) {
    var p = res.body || {};
    var general = [];
    var count = 0;
    (p.errors || []).forEach(function (e) {
      var path = e.field || '';
      var m;
      count++;
      if ((m = /^fields\[(\d+)\]\.?(.*)$/.exec(path)) && fieldAt(ctx, Number(m[1]))) {
        // fields[i] counts the fields as sent (a new form) or as stored (a change compiles the whole form)
        var n2 = norm(m[2]);
        fieldError(fieldAt(ctx, Number(m[1])), n2, e.message);
      } else if (ctx.field && /^(field\.)?(label|key|type|required|config)/.test(path)) {
        var name = norm(path.replace(/^field\./, ''));
        fieldError(ctx.field, name, e.message);
      } else if ((m = /^tabs\[(\d+)\]\.sections\[(\d+)\]/.exec(path))) {
        state.layoutErrors['section:' + m[1] + ':' + m[2]] = e.message;
      } else if ((m = /^tabs\[(\d+)\]/.exec(path))) {
        state.layoutErrors['tab:' + m[1]] = e.message;
      } else if (!editing && (path === 'key' || path === 'name')) {
        state.formErrors[path] = e.message;
      } else {
        general.push(e.message);
      }
    });
    if (!p.errors || !p.errors.length) {
      general.push(p.title || t('error.http', res.status));
      count++;
    }
    showAlert([ctx.lead || t('publish.failed', count)].concat(general));
    focusFirstError();
  }

  function fieldAt(ctx, i) {
    if (ctx.list) return ctx.list[i] || null;
    var key = ctx.order && ctx.order[i];
    return key ? ordered().filter(function (f) { return f.key === key; })[0] || null : null;
  }

  function focusFirstError() {
    var first = ordered().filter(function (f) { return hasErrors(f.uid); })[0];
    if (state.mode !== 'design') setMode('design');
    if (first) {
      select(first.uid, false);
      var bad = props.querySelector('[aria-invalid="true"]');
      if (bad) bad.focus();
      return;
    }
    var layoutKey = Object.keys(state.layoutErrors)[0];
    if (layoutKey) state.activeTab = Number(layoutKey.split(':')[1]);
    if (state.formErrors.name || state.formErrors.key) select(null, false);
    else renderCanvas();
  }

  // what the server would refuse anyway, said before anything is sent
  function checkDraft() {
    var seen = {};
    if (!editing) {
      if (!state.name.trim()) state.formErrors.name = t('form.name.required');
      if (!FORM_KEY.test(state.key)) state.formErrors.key = t('form.key.invalid');
    }
    var list = ordered();
    list.forEach(function (f) {
      if (!f.label.trim()) fieldError(f, 'label', t('field.label.required'));
      if (!FIELD_KEY.test(f.key)) fieldError(f, 'key', t('field.key.invalid'));
      else if (seen[f.key]) fieldError(f, 'key', t('field.key.duplicate', f.key));
      seen[f.key] = true;
    });
    if (state.tabs.length > 1) {
      state.tabs.forEach(function (tb, i) { if (!tb.title.trim()) state.layoutErrors['tab:' + i] = t('tab.title.required'); });
    }
    var lines = [];
    if (!list.length) lines.push(t('form.no-fields'));
    var count = Object.keys(state.formErrors).length + Object.keys(state.layoutErrors).length +
      list.reduce(function (n, f) { return n + Object.keys(state.errors[f.uid] || {}).length; }, 0);
    if (count || lines.length) {
      showAlert([count ? t('publish.failed', count) : lines[0]].concat(count ? lines : []));
      focusFirstError();
      return false;
    }
    return true;
  }

  function busy(on) {
    state.busy = on;
    publishBtn.classList.toggle('is-busy', on);
    updatePublish();
  }

  function done(key) {
    state.dirty = false;
    window.location.href = '/forms/' + encodeURIComponent(key) + '/design#published';
    if (editing) window.location.reload();
  }

  function publishNew() {
    var list = ordered();
    var key = state.key;
    return api('POST', '/api/forms', { key: key, name: state.name.trim(), fields: list.map(input) }).then(function (res) {
      if (!res.ok) { applyProblem(res, { list: list }); return; }
      return api('PUT', '/api/forms/' + encodeURIComponent(key) + '/layout', layoutJson()).then(function (res2) {
        if (!res2.ok) {
          // the form is there; only the arrangement failed: go on editing it as a saved form
          editing = true;
          list.forEach(function (f) { f.saved = true; f.original = snapshot(f); state.serverOrder.push(f.key); });
          state.dirty = true;
          applyProblem(res2, { lead: t('publish.layout-failed') });
          renderProps();
          return;
        }
        done(key);
      });
    });
  }

  function publishChanges() {
    var base = '/api/forms/' + encodeURIComponent(state.key);
    var list = ordered();
    var added = list.filter(function (f) { return !f.saved; });
    // typed-in fields first: a new formula may read a field added with it
    added.sort(function (a, b) { return (types[a.type].computed ? 1 : 0) - (types[b.type].computed ? 1 : 0); });
    var steps = [];
    added.forEach(function (f) {
      steps.push(function () {
        return api('POST', base + '/fields', input(f)).then(function (res) {
          if (!res.ok) return applyProblem(res, { field: f, order: state.serverOrder.concat([f.key]) }) || false;
          f.saved = true; f.keyTouched = true; f.original = snapshot(f); state.serverOrder.push(f.key);
          return true;
        });
      });
    });
    list.filter(function (f) { return f.saved && added.indexOf(f) < 0 && snapshot(f) !== f.original; }).forEach(function (f) {
      steps.push(function () {
        return api('PATCH', base + '/fields/' + encodeURIComponent(f.key), { label: f.label, required: !!f.required, config: f.config }).then(function (res) {
          if (!res.ok) return applyProblem(res, { field: f, order: state.serverOrder }) || false;
          f.original = snapshot(f);
          return true;
        });
      });
    });
    state.removed.slice().forEach(function (key) {
      steps.push(function () {
        return api('DELETE', base + '/fields/' + encodeURIComponent(key)).then(function (res) {
          if (!res.ok) return applyProblem(res, { lead: t('field.remove.failed', key), order: state.serverOrder }) || false;
          state.removed.splice(state.removed.indexOf(key), 1);
          state.serverOrder = state.serverOrder.filter(function (k) { return k !== key; });
          return true;
        });
      });
    });
    steps.push(function () {
      var keys = ordered().map(function (f) { return f.key; });
      if (keys.join(',') === state.serverOrder.join(',')) return true;
      return api('PUT', base + '/fields/order', keys).then(function (res) {
        if (!res.ok) return applyProblem(res, { order: state.serverOrder }) || false;
        state.serverOrder = keys;
        return true;
      });
    });
    steps.push(function () {
      return api('PUT', base + '/layout', layoutJson()).then(function (res) {
        if (!res.ok) return applyProblem(res, {}) || false;
        return true;
      });
    });
    var chain = Promise.resolve(true);
    steps.forEach(function (step) { chain = chain.then(function (ok) { return ok ? step() : false; }); });
    return chain.then(function (ok) { if (ok) done(state.key); });
  }

  publishBtn.addEventListener('click', function () {
    if (state.busy) return;
    clearErrors();
    if (!checkDraft()) { renderCanvas(); renderProps(); return; }
    busy(true);
    (editing ? publishChanges() : publishNew()).then(function () { busy(false); renderCanvas(); renderProps(); },
      function () { busy(false); showAlert([t('error.network')]); });
  });

  window.addEventListener('beforeunload', function (e) {
    if (state.dirty && !state.busy) { e.preventDefault(); e.returnValue = ''; }
  });

  // ---- start ----
  if (window.location.hash === '#published' && editing) {
    var doneEl = document.getElementById('designer-done');
    document.getElementById('designer-open').href = '/forms/' + encodeURIComponent(state.key);
    document.getElementById('designer-new-record').href = '/forms/' + encodeURIComponent(state.key) + '/new';
    doneEl.hidden = false;
    history.replaceState(null, '', window.location.pathname);
  }
  if (!editing) state.dirty = false;
  renderCanvas();
  renderProps();
  updatePublish();
  if (!editing) {
    var nameInput = document.getElementById('p-form-name');
    if (nameInput) nameInput.focus();
  }
})();
