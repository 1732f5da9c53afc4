/*
 * Draws the dashboard's charts with ECharts (loaded before this file). The data is not here: each
 * chart element names, in data-chart, the <script type="application/json"> the page rendered for it.
 * Colours come from app.css (tier badge classes, --primary) so charts and badges always agree.
 */
(function () {
  'use strict';

  var root = getComputedStyle(document.documentElement);
  var font = getComputedStyle(document.body).fontFamily;
  var muted = root.getPropertyValue('--muted').trim() || '#6b7185';
  var text = root.getPropertyValue('--text').trim() || '#1f2333';

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  /** The colour a tier badge class gives its text, read from a hidden probe. */
  function colourOf(css) {
    var probe = document.createElement('span');
    probe.className = 'badge tier-badge ' + css;
    probe.style.cssText = 'position:absolute;visibility:hidden';
    document.body.appendChild(probe);
    var colour = getComputedStyle(probe).color;
    probe.remove();
    return colour;
  }

  /** @param narrow labels go inside the ring on a phone, where outside ones would be cut off */
  function pie(data, narrow) {
    var names = data.slices.map(function (s) { return s.name; });
    return {
      textStyle: { fontFamily: font },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return escapeHtml(p.name) + '：' + p.value + ' ' + escapeHtml(data.unit) + '（' + p.percent + '%）';
        }
      },
      legend: { data: names, bottom: 0, icon: 'circle', itemWidth: 10, itemHeight: 10, textStyle: { color: muted } },
      series: [{
        type: 'pie',
        radius: narrow ? ['40%', '72%'] : ['46%', '70%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        itemStyle: { borderColor: '#fff', borderWidth: 2, borderRadius: 6 },
        label: narrow
          ? { position: 'inside', formatter: '{b}\n{c}', color: '#fff', fontWeight: 600, lineHeight: 15 }
          : { formatter: '{b}  {c}', color: text },
        labelLine: { show: !narrow },
        minShowLabelAngle: 12,
        emphasis: { scaleSize: 6, label: { fontWeight: 'bold' } },
        data: data.slices.map(function (s) {
          return { name: s.name, value: s.value, href: s.href, itemStyle: { color: colourOf(s.css) } };
        })
      }, {
        // the total in the hole of the donut: a silent series whose only job is a centred label
        type: 'pie',
        radius: ['0%', '0%'],
        center: ['50%', '45%'],
        silent: true,
        tooltip: { show: false },
        label: {
          position: 'center',
          formatter: '{v|' + data.total + '}\n{l|' + data.totalLabel + '}',
          rich: {
            v: { fontSize: 26, fontWeight: 600, color: text, lineHeight: 32, fontFamily: font },
            l: { fontSize: 12, color: muted, lineHeight: 18, fontFamily: font }
          }
        },
        data: [{ value: 1, name: '' }]
      }]
    };
  }

  function bar(data) {
    var primary = root.getPropertyValue('--primary').trim() || '#4f46e5';
    return {
      textStyle: { fontFamily: font },
      grid: { left: 8, right: 16, top: 24, bottom: 4, containLabel: true },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: function (ps) {
          return escapeHtml(ps[0].name) + '：' + ps[0].value + ' ' + escapeHtml(data.unit);
        }
      },
      xAxis: {
        type: 'category', data: data.categories,
        axisTick: { show: false }, axisLine: { lineStyle: { color: '#cfd4e0' } },
        axisLabel: { color: muted, hideOverlap: true }
      },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { color: muted }, splitLine: { lineStyle: { color: '#eef0f4' } } },
      series: [{
        type: 'bar', data: data.values, barMaxWidth: 40,
        itemStyle: { color: primary, borderRadius: [4, 4, 0, 0] },
        label: { show: true, position: 'top', color: text }
      }]
    };
  }

  function draw(el) {
    var source = document.getElementById(el.dataset.chart);
    if (!source || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(source.textContent);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    var narrow = el.clientWidth < 480;
    chart.setOption(data.kind === 'pie' ? pie(data, narrow) : bar(data));
    chart.on('click', function (p) {
      if (p.data && p.data.href) {
        window.location.href = p.data.href;
      }
    });
    if (window.ResizeObserver) {
      new ResizeObserver(function () {
        chart.resize();
        if (data.kind === 'pie' && narrow !== el.clientWidth < 480) {
          narrow = !narrow;
          chart.setOption(pie(data, narrow));
        }
      }).observe(el);
    }
  }

  document.querySelectorAll('[data-chart]').forEach(draw);

  // the pickers switch at once; the noscript button does it without JS
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });
})();
