// The formula editor: CodeMirror 5 (webjar, served by the app) over a <textarea>, which stays the form's input.
// It completes field keys (also by their labels), related records' fields and lists (customer.region,
// orders.amount), score and dimension keys and the platform's functions (with
// signature and description, from GET /api/formulas/functions), checks the formula as the builder types
// (POST /api/formulas/check: its type, or the problem with line and column) and shows its value on a real
// record (POST /api/formulas/preview). Plain script, no build step:
//   TierflowFormula.attach(textarea, { form: 'customer', names: fn, texts: {...}, expect: 'BOOLEAN' })
// names() returns what may be referenced: [{ name, label, kind: 'field'|'related'|'list'|'score'|'dimension', type, typeName }];
// model(), when given, the draft tier model whose scores the formula may read (sent with the check and preview).
(function () {
  'use strict';

  var functionsLoad = null;

  /** The function catalogue, fetched once per page, in the user's language. */
  function functions() {
    if (!functionsLoad) {
      functionsLoad = fetch('/api/formulas/functions', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; });
    }
    return functionsLoad;
  }
  var functionList = [];

  function esc(s) {
    return String(s == null ? '' : s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  }

  function texter(texts) {
    return function (name) {
      var text = (texts && texts[name]) || name;
      for (var i = 1; i < arguments.length; i++) text = text.split('{' + (i - 1) + '}').join(String(arguments[i]));
      return text;
    };
  }

  // a name, or a path through a relation (orders.amount), is completed as one word
  var WORD = /[A-Za-z0-9_.\u00c0-\uffff]/;

  function defineMode() {
    if (CodeMirror.modes['tierflow-formula']) return;
    // the formula grammar's tokens (rule-engine's Lexer): strings, numbers, literals, names, calls, operators
    CodeMirror.defineMode('tierflow-formula', function () {
      return {
        token: function (stream) {
          if (stream.eatSpace()) return null;
          var ch = stream.peek();
          if (ch === '"' || ch === "'") {
            stream.next();
            var escaped = false, c;
            while ((c = stream.next()) != null) {
              if (c === ch && !escaped) break;
              escaped = !escaped && c === '\\';
            }
            return 'string';
          }
          if (stream.match(/^\d+(\.\d+)?/)) return 'number';
          if (stream.match(/^(true|false|null)(?![A-Za-z0-9_])/)) return 'atom';
          if (stream.match(/^[A-Za-z_\u00c0-\uffff][A-Za-z0-9_\u00c0-\uffff]*/)) {
            return stream.peek() === '(' ? 'builtin' : 'variable-2';
          }
          if (stream.match(/^(&&|\|\||==|!=|>=|<=|[-+*\/%<>!?:])/)) return 'operator';
          stream.next();
          return null;
        },
        lineComment: null
      };
    });
  }

  /** Completions for the word before the cursor: names first (by key or label), then functions. */
  function hinter(options, t) {
    return function (cm) {
      var cur = cm.getCursor();
      var line = cm.getLine(cur.line);
      var start = cur.ch, end = cur.ch;
      while (start > 0 && WORD.test(line.charAt(start - 1))) start--;
      while (end < line.length && WORD.test(line.charAt(end))) end++;
      var word = line.slice(start, cur.ch);
      var lower = word.toLowerCase();
      var list = [];
      var names = options.names ? options.names() : [];
      var first = [], later = [];
      names.forEach(function (n) {
        var key = String(n.name || ''), label = String(n.label || '');
        if (!key) return;
        var k = key.toLowerCase();
        if (!word || k.indexOf(lower) === 0 || label.indexOf(word) === 0) first.push(n);
        else if (k.indexOf(lower) > 0 || label.toLowerCase().indexOf(lower) >= 0) later.push(n);
      });
      first.concat(later).forEach(function (n) {
        list.push({
          text: n.name,
          displayText: n.name,
          render: function (el) {
            el.innerHTML = '<span class="fh-kind">' + esc(t('kind.' + (n.kind || 'field'))) + (n.typeName ? ' · ' + esc(n.typeName) : '') +
              '</span><span class="fh-name">' + esc(n.name) + '</span>' + (n.label && n.label !== n.name ? '<span class="fh-label">' + esc(n.label) + '</span>' : '');
          }
        });
      });
      if (word && /^[A-Za-z]/.test(word)) {
        var upper = word.toUpperCase();
        functionList.forEach(function (f) {
          if (f.name.indexOf(upper) !== 0) return;
          list.push({
            text: f.name,
            displayText: f.name,
            hint: function (cm, data, completion) {
              var after = cm.getRange(data.to, { line: data.to.line, ch: data.to.ch + 1 });
              cm.replaceRange(completion.text + (after === '(' ? '' : '()'), data.from, data.to);
              var at = data.from.ch + completion.text.length + 1;
              cm.setCursor({ line: data.from.line, ch: at });
            },
            render: function (el) {
              el.innerHTML = '<span class="fh-kind">' + esc(f.groupName || t('kind.function')) + '</span><span class="fh-name">' + esc(f.signature || f.name) +
                '</span><span class="fh-desc">' + esc(f.description || '') + (f.examples && f.examples.length ? ' · ' + esc(f.examples[0]) : '') + '</span>';
            }
          });
        });
      }
      if (!list.length) return null;
      return { list: list.slice(0, 60), from: CodeMirror.Pos(cur.line, start), to: CodeMirror.Pos(cur.line, end) };
    };
  }

  function postJson(url, body) {
    return fetch(url, {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return null; }).then(function (b) { return { ok: r.ok, status: r.status, body: b }; });
    }).catch(function () { return { ok: false, status: 0, body: null }; });
  }

  function valueText(res, t) {
    if (res.text == null) return t('preview.empty');
    if (res.type === 'BOOLEAN') return res.value ? t('true') : t('false');
    return res.text;
  }

  /**
   * Turns the textarea into a formula editor; returns { cm, check(), refresh() }. The textarea keeps the
   * text (and gets an input event on every change), so forms and scripts that read it work unchanged.
   */
  function attach(textarea, options) {
    if (textarea.formulaEditor) return textarea.formulaEditor;
    if (!window.CodeMirror) return null;
    options = options || {};
    defineMode();
    functions().then(function (list) { functionList = list || []; });
    var t = texter(options.texts);
    var readOnly = textarea.readOnly || textarea.disabled;
    var cm = CodeMirror.fromTextArea(textarea, {
      mode: 'tierflow-formula', lineWrapping: true, matchBrackets: true, autoCloseBrackets: '()""',
      viewportMargin: Infinity, readOnly: readOnly, lineNumbers: false, indentUnit: 2,
      extraKeys: { 'Ctrl-Space': 'autocomplete', Tab: false, 'Shift-Tab': false },
      hintOptions: { hint: hinter(options, t), completeSingle: false, className: 'formula-hints', closeCharacters: /[\s()\[\]{};:>,+\-*\/=<!&|?]/ }
    });
    var wrapper = cm.getWrapperElement();
    var box = document.createElement('div');
    box.className = 'formula-editor' + (readOnly ? ' is-readonly' : '');
    wrapper.parentNode.insertBefore(box, wrapper);
    box.appendChild(wrapper);
    // the label still names the editor: CodeMirror's hidden input gets the textarea's accessible name
    var input = cm.getInputField();
    if (textarea.id) {
      var label = document.querySelector('label[for="' + CSS.escape(textarea.id) + '"]');
      if (label) {
        label.addEventListener('click', function () { cm.focus(); });
        if (label.textContent) input.setAttribute('aria-label', label.textContent.trim());
      }
    }
    var status = document.createElement('p');
    status.className = 'formula-status';
    status.setAttribute('aria-live', 'polite');
    var preview = document.createElement('p');
    preview.className = 'formula-preview';
    box.appendChild(status);
    box.appendChild(preview);

    var timer = null, seq = 0;
    function schedule(now) {
      clearTimeout(timer);
      timer = setTimeout(check, now ? 0 : 350);
    }
    function setStatus(kind, text) {
      status.className = 'formula-status' + (kind ? ' is-' + kind : '');
      status.textContent = text;
      box.classList.toggle('is-bad', kind === 'bad');
    }
    function check() {
      var text = cm.getValue();
      var mine = ++seq;
      preview.textContent = '';
      if (!text.trim()) {
        setStatus('', options.required ? t('empty') : '');
        return Promise.resolve();
      }
      var form = typeof options.form === 'function' ? options.form() : options.form;
      var model = options.model ? options.model() : null;
      var body = options.checkBody ? options.checkBody(text) : { form: form, formula: text };
      if (model) body.tierModel = model;
      setStatus('checking', t('checking'));
      return postJson('/api/formulas/check', body).then(function (res) {
        if (mine !== seq) return;
        if (!res.ok) {
          var p = res.body || {};
          var msg = p.errors && p.errors.length ? p.errors[0].message : (p.detail || p.title || ('HTTP ' + res.status));
          setStatus('bad', '✗ ' + msg); // the message names the line and column itself
          return;
        }
        var type = res.body.type;
        if (options.expect && type !== options.expect) {
          setStatus('bad', '✗ ' + t('expect', t('value.' + options.expect), t('value.' + type)));
          return;
        }
        setStatus('ok', '✓ ' + t('ok', t('value.' + type)) +
          (res.body.fields && res.body.fields.length ? ' · ' + t('reads', res.body.fields.join(', ')) : ''));
        if (options.preview === false || !form) return;
        var previewBody = { form: form, formula: text };
        if (model) previewBody.tierModel = model;
        return postJson('/api/formulas/preview', previewBody).then(function (pr) {
          if (mine !== seq || !pr.ok || !pr.body) return;
          var r = pr.body;
          if (!r.record) { preview.textContent = t('preview.none'); return; }
          if (r.error) { preview.textContent = t('preview.failed', r.record.title, r.error); return; }
          preview.innerHTML = esc(t('preview', r.record.title, '\u0000')).replace('\u0000', '<b data-preview-value>' + esc(valueText(r, t)) + '</b>');
        });
      });
    }

    cm.on('change', function () {
      cm.save();
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      if (!readOnly) schedule(false);
    });
    cm.on('inputRead', function (editor, change) {
      if (change.origin === '+input' && WORD.test(change.text.join('').slice(-1))) {
        editor.showHint();
      }
    });
    var api = { cm: cm, check: function () { return check(); }, refresh: function () { cm.refresh(); } };
    textarea.formulaEditor = api;
    if (!readOnly && cm.getValue().trim() && options.checkNow !== false) schedule(true);
    return api;
  }

  window.TierflowFormula = { attach: attach, functions: functions };
})();
