// The tier model pages (templates/rules/*): the editor's lists (add, remove, reorder by buttons or by dragging,
// inputs renumbered to their path: rules[2].condition), formula editors on every condition and dimension
// formula, the approval tiers following the tier names, confirmations, the simulation's matrix cells and its
// ECharts sankey. The form itself is a plain HTML form the server reads and checks. Plain script, no build step.
(function () {
  'use strict';

  var form = document.getElementById('rules-form');
  var catalogEl = document.getElementById('formula-catalog');
  var catalog = catalogEl ? JSON.parse(catalogEl.textContent) : { fields: [], text: {} };
  var LISTS = ['scores', 'rules', 'stages', 'tags'];

  // ---- confirmations (publish, rollback): forms and buttons that carry data-confirm ----
  document.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-confirm]');
    if (b && !window.confirm(b.getAttribute('data-confirm'))) {
      e.preventDefault();
      e.stopPropagation();
    }
  }, true);
  document.addEventListener('submit', function (e) {
    var f = e.target;
    if (f.hasAttribute && f.hasAttribute('data-confirm') && !window.confirm(f.getAttribute('data-confirm'))) e.preventDefault();
  }, true);

  // ---- what formulas may reference: the form's fields, then the scores and dimensions typed on this page ----
  function names() {
    var out = catalog.fields.map(function (f) {
      return { name: f.key, label: f.label, kind: f.kind || 'field', type: f.type, typeName: f.typeName };
    });
    if (!form) return out;
    form.querySelectorAll('[data-name-input]').forEach(function (input) {
      var key = input.value.trim();
      if (!key) return;
      var row = input.closest('[data-item]');
      var label = row && row.querySelector('input[name$=".label"]');
      out.push({ name: key, label: label ? label.value.trim() : '', kind: input.getAttribute('data-name-input'), type: 'NUMBER', typeName: catalog.text['value.NUMBER'] });
    });
    return out;
  }

  // ---- the scores typed on this page, for checks and previews of formulas that read them ----
  function numbers(text) {
    return String(text || '').split(/[,，;；\s]+/).filter(function (x) { return x !== ''; }).map(Number);
  }
  function draftScores() {
    var scores = [];
    if (!form) return scores;
    form.querySelectorAll('[data-list="scores"] > [data-item]').forEach(function (card) {
      var head = card.querySelector('.score-head');
      var key = head.querySelector('input[name$=".key"]').value.trim();
      if (!key) return;
      var score = { key: key, label: head.querySelector('input[name$=".label"]').value.trim(), kind: head.querySelector('select').value, dimensions: [] };
      card.querySelectorAll('[data-list="dimensions"] > [data-item]').forEach(function (row) {
        function val(suffix) { var el = row.querySelector('[name$="' + suffix + '"]'); return el ? el.value.trim() : ''; }
        var d = { key: val('.key'), label: val('.label'), formula: val('.formula') };
        if (!d.key || !d.formula) return;
        if (val('.weight') !== '' && !isNaN(Number(val('.weight')))) d.weight = Number(val('.weight'));
        var scoring = val('.scoring');
        if (scoring === 'bands') d.bands = { thresholds: numbers(val('.bands.thresholds')), scores: numbers(val('.bands.scores')) };
        if (scoring === 'quintiles' || scoring === 'percentRank') {
          d[scoring] = val('.quintiles') || 'high_is_better';
          if (val('.boundaries')) d.boundaries = numbers(val('.boundaries'));
        }
        score.dimensions.push(d);
      });
      scores.push(score);
    });
    return scores;
  }

  function attachEditors(root) {
    if (!window.TierflowFormula) return;
    root.querySelectorAll('textarea[data-formula]').forEach(function (area) {
      window.TierflowFormula.attach(area, {
        form: catalog.form, names: names, texts: catalog.text, model: function () { return { scores: draftScores() }; },
        expect: area.getAttribute('data-formula') === 'condition' ? 'BOOLEAN' : 'NUMBER',
        // a server message under the box stays until the builder changes the formula
        checkNow: !area.parentNode.querySelector('[data-server-error]')
      });
    });
  }

  // ---- lists: paths follow the order on the page ----
  function renumber() {
    LISTS.forEach(function (list) {
      var container = form.querySelector('[data-list="' + list + '"]');
      if (!container) return;
      items(container).forEach(function (item, i) {
        rename(item, new RegExp('^' + list + '\\[[^\\]]*\\]'), list + '[' + i + ']');
        var no = item.querySelector(':scope > [data-number]');
        if (no) no.textContent = String(i + 1);
        if (list === 'scores') {
          var dims = item.querySelector('[data-list="dimensions"]');
          if (dims) items(dims).forEach(function (d, j) { rename(d, /\.dimensions\[[^\]]*\]/, '.dimensions[' + j + ']'); });
        }
      });
    });
  }
  function items(container) {
    return Array.prototype.filter.call(container.children, function (c) { return c.hasAttribute('data-item'); });
  }
  function rename(root, pattern, replacement) {
    root.querySelectorAll('[name], [id], label[for]').forEach(function (el) {
      ['name', 'id', 'for'].forEach(function (attr) {
        var v = el.getAttribute(attr);
        if (v && pattern.test(v)) el.setAttribute(attr, v.replace(pattern, replacement));
      });
    });
  }
  function refreshEditors(root) {
    root.querySelectorAll('textarea[data-formula]').forEach(function (a) { if (a.formulaEditor) a.formulaEditor.refresh(); });
  }

  function add(kind, button) {
    var tpl = document.getElementById('tpl-' + kind);
    if (!tpl) return;
    var node = tpl.content.firstElementChild.cloneNode(true);
    var container = kind === 'dimension' ? button.closest('[data-item]').querySelector('[data-list="dimensions"]')
      : form.querySelector('[data-list="' + (kind === 'score' ? 'scores' : kind + 's') + '"]');
    container.appendChild(node);
    renumber();
    attachEditors(node);
    wireSortables(node);
    var first = node.querySelector('input:not([type=hidden])');
    if (first) first.focus();
    tiersChanged();
  }

  function wireSortables(root) {
    if (!window.Sortable) return;
    var lists = root.matches && root.matches('[data-list]') ? [root] : [];
    root.querySelectorAll('[data-list]').forEach(function (l) { lists.push(l); });
    lists.forEach(function (l) {
      if (l.sortableWired) return;
      l.sortableWired = true;
      window.Sortable.create(l, {
        handle: '.rule-grip', draggable: '[data-item]', animation: 120,
        onEnd: function () { renumber(); refreshEditors(l); tiersChanged(); }
      });
    });
  }

  // ---- approval: the tier checkboxes follow the tier names typed above ----
  function tiersChanged() {
    var box = document.getElementById('approval-tiers');
    if (!box || !form) return;
    var checked = {};
    box.querySelectorAll('input:checked').forEach(function (c) { checked[c.value] = true; });
    var seen = {};
    var tiers = [];
    form.querySelectorAll('[data-label-input="tier"]').forEach(function (i) {
      var v = i.value.trim();
      if (v && !seen[v]) { seen[v] = true; tiers.push(v); }
    });
    box.innerHTML = '';
    tiers.forEach(function (tier) {
      var label = document.createElement('label');
      label.className = 'check';
      var input = document.createElement('input');
      input.type = 'checkbox';
      input.name = 'approval.tiers';
      input.value = tier;
      input.checked = !!checked[tier];
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + tier));
      box.appendChild(label);
    });
  }

  if (form) {
    var editable = !!document.getElementById('tpl-rule');
    attachEditors(form);
    if (editable) wireSortables(form);
    form.addEventListener('click', function (e) {
      var b = e.target.closest('button');
      if (!b || !form.contains(b)) return;
      if (b.hasAttribute('data-add')) {
        add(b.getAttribute('data-add'), b);
      } else if (b.hasAttribute('data-remove')) {
        var item = b.closest('[data-item]');
        item.remove();
        renumber();
        tiersChanged();
      } else if (b.hasAttribute('data-move')) {
        var row = b.closest('[data-item]');
        var up = b.getAttribute('data-move') === '-1';
        var other = up ? row.previousElementSibling : row.nextElementSibling;
        if (!other || !other.hasAttribute('data-item')) return;
        row.parentNode.insertBefore(row, up ? other : other.nextElementSibling);
        renumber();
        refreshEditors(row.parentNode);
        tiersChanged();
        b.focus();
      }
    });
    form.addEventListener('change', function (e) {
      var el = e.target;
      if (el.hasAttribute('data-scoring-select')) el.closest('[data-item]').setAttribute('data-scoring', el.value);
      if (el.hasAttribute('data-kind-select')) el.closest('[data-item]').classList.toggle('is-rfm', el.value === 'rfm');
      if (el.id === 'approval-enabled') document.getElementById('approval-body').hidden = !el.checked;
    });
    form.addEventListener('input', function (e) {
      if (e.target.getAttribute && e.target.getAttribute('data-label-input') === 'tier') tiersChanged();
    });
    var enabled = document.getElementById('approval-enabled');
    if (enabled && !enabled.checked) document.getElementById('approval-body').hidden = true;
  }

  // ---- simulation: a matrix cell opens its records; the sankey of the moves ----
  document.addEventListener('click', function (e) {
    var cell = e.target.closest('[data-cell]');
    if (!cell) return;
    var id = cell.getAttribute('data-cell');
    var open = cell.getAttribute('aria-expanded') === 'true';
    document.querySelectorAll('.sim-samples').forEach(function (p) { p.hidden = true; });
    document.querySelectorAll('[data-cell]').forEach(function (c) { c.setAttribute('aria-expanded', 'false'); });
    if (!open) {
      document.getElementById(id).hidden = false;
      cell.setAttribute('aria-expanded', 'true');
    }
  });

  function colourOf(css) {
    var probe = document.createElement('span');
    probe.className = 'badge tier-badge ' + css;
    probe.style.cssText = 'position:absolute;visibility:hidden';
    document.body.appendChild(probe);
    var colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }

  function drawSankeys() {
    if (!window.echarts) return;
    document.querySelectorAll('[data-sankey]').forEach(function (el) {
      if (el.getAttribute('data-drawn')) return;
      el.setAttribute('data-drawn', '1');
      var data = JSON.parse(document.getElementById(el.getAttribute('data-sankey')).textContent);
      var font = getComputedStyle(document.body).fontFamily;
      var chart = window.echarts.init(el, null, { renderer: 'svg' });
      chart.setOption({
        textStyle: { fontFamily: font },
        animation: false,
        tooltip: { trigger: 'item', triggerOn: 'mousemove' },
        series: [{
          type: 'sankey', left: 60, right: 60, top: 24, bottom: 12, nodeWidth: 18, nodeGap: 14, layoutIterations: 0,
          emphasis: { focus: 'adjacency' },
          label: { formatter: '{b}  {c}', fontWeight: 600 },
          lineStyle: { color: 'gradient', opacity: 0.35, curveness: 0.5 },
          data: data.nodes.map(function (n) {
            var colour = colourOf(n.css);
            return { name: n.name, tier: n.tier, depth: n.depth, itemStyle: { color: colour, borderColor: colour },
              label: { position: n.depth === 0 ? 'left' : 'right' } };
          }),
          links: data.links.map(function (l) {
            return { source: l.source, target: l.target, value: l.value, lineStyle: l.moved ? { opacity: 0.55 } : { opacity: 0.18 } };
          })
        }],
        graphic: [
          { type: 'text', left: 0, top: 0, style: { text: data.sides[0], fill: '#6b7185', fontSize: 12, fontFamily: font } },
          { type: 'text', right: 0, top: 0, style: { text: data.sides[1], fill: '#6b7185', fontSize: 12, fontFamily: font } }
        ]
      });
      window.addEventListener('resize', function () { chart.resize(); });
    });
  }
  document.addEventListener('htmx:afterSettle', drawSankeys);
  if (document.readyState !== 'loading') drawSankeys(); else document.addEventListener('DOMContentLoaded', drawSankeys);
})();
