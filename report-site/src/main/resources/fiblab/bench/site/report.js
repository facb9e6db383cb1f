// Renders the fiblab report from window.FIBLAB_RESULTS (data/results.js, a copy of results.json).
// Every number on the page comes from that object; nothing here is a measurement.
(function () {
  'use strict';

  const R = window.FIBLAB_RESULTS;
  const GATEWAY_LIMIT_MS = 30000; // API Gateway HTTP API integration timeout, not raisable
  const COLORS = {
    inline: '#2f6fb3', async: '#d9822b', accepted: '#7a9a01', fast: '#6a4c93', other: '#8d99ae',
    queue: '#e9c46a', compute: '#e76f51', write: '#2a9d8f', gateway: '#a4161a', limit: '#555555'
  };

  if (!R) {
    document.getElementById('headline').textContent =
      'data/results.js is missing next to this page: the report has nothing to show.';
    return;
  }
  if (window.Chart) {
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.font.family = 'system-ui, sans-serif';
  }

  const scenarios = R.scenarios || [];
  const allRuns = scenarios.flatMap(s => s.runs || []);
  const settings = R.settings || {};
  const target = R.target || {};
  const params = target.parameters || {};
  const inlineLimit = params.InlineNaiveMaxN !== undefined ? Number(params.InlineNaiveMaxN) : null;
  const runsOf = name => allRuns.filter(r => r.scenario === name);

  // ---------- formatting ----------
  function fmtMs(v) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    const a = Math.abs(v);
    return v.toFixed(a < 10 ? 2 : a < 100 ? 1 : 0);
  }
  function human(ms) {
    if (ms === null || ms === undefined) return '–';
    return ms >= 1000 ? (ms / 1000).toFixed(ms >= 10000 ? 1 : 2) + ' s' : fmtMs(ms) + ' ms';
  }
  function fmtUsd(v) {
    if (v === null || v === undefined) return '–';
    return '$' + (v >= 0.1 ? v.toFixed(2) : v >= 0.001 ? v.toFixed(4) : v.toPrecision(3));
  }
  function fmtNum(v) {
    return v === null || v === undefined ? '–' : String(v);
  }
  function load(run) {
    return run.mode === 'open' ? run.ratePerSecond + '/s open' : 'c=' + run.concurrency;
  }
  function okSent(run) {
    return run ? run.ok + '/' + run.sent : '–';
  }
  function errorText(run) {
    const entries = Object.entries(run.errors || {});
    if (entries.length === 0) return '0';
    return run.errorCount + ' (' + entries.map(([k, v]) => k + ': ' + v).join(', ') + ')';
  }
  function get(obj, key) {
    return key.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
  }
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) e.setAttribute(k, v); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // ---------- tables ----------
  // A column: {label, key (dotted path into the row's run), kind: ms|num|text, value(row) optional}
  const C = {
    ms: (label, key) => ({ label, key, kind: 'ms' }),
    num: (label, key) => ({ label, key, kind: 'num' }),
    text: (label, key, value) => ({ label, key, kind: 'text', value }),
    usd: (label, key) => ({ label, key, kind: 'usd' })
  };
  function table(containerId, columns, rows, rowId) {
    const container = document.getElementById(containerId);
    if (!container) return;
    const t = el('table');
    const head = el('tr');
    columns.forEach(c => head.appendChild(el('th', { class: c.kind === 'text' ? 'text' : null }, c.label)));
    t.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    rows.forEach(row => {
      const tr = el('tr', { 'data-run': rowId ? rowId(row) : null });
      columns.forEach(c => {
        let raw = c.value ? c.value(row) : get(row, c.key);
        // A percentile of nothing is not 0 ms: runs without a single success show a dash.
        if (c.kind === 'ms' && emptySummary(row, c.key)) raw = null;
        const text = c.kind === 'ms' ? fmtMs(raw) : c.kind === 'usd' ? fmtUsd(raw) : fmtNum(raw);
        const td = el('td', {
          class: c.kind === 'text' ? 'text' : null,
          'data-key': c.key,
          'data-value': c.kind === 'text' || raw === undefined || raw === null ? null : String(raw)
        }, text);
        if (c.key === 'errorCount' && raw > 0) td.classList.add('bad');
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    container.appendChild(t);
  }
  function emptySummary(row, key) {
    const parts = key.split('.');
    const summary = get(row, parts.slice(0, -1).join('.'));
    return summary !== null && typeof summary === 'object' && summary.count === 0;
  }
  const percentileColumns = prefix => [
    C.ms('p50', prefix + '.p50'), C.ms('p90', prefix + '.p90'), C.ms('p99', prefix + '.p99'),
    C.ms('p99.9', prefix + '.p999'), C.ms('max', prefix + '.max')
  ];

  // ---------- charts ----------
  function chart(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart) return null;
    return new Chart(canvas, config);
  }
  // HdrHistogram's classic plot: x = 1/(1-p), so 90 %, 99 %, 99.9 % are evenly spaced.
  function curvePoints(curve) {
    const points = [];
    let lastX = 1;
    (curve || []).forEach(([p, ms]) => {
      const x = p >= 100 ? lastX * 2 : 1 / (1 - p / 100);
      lastX = x;
      if (ms > 0) points.push({ x, y: ms, p });
    });
    return points;
  }
  const percentileAxis = {
    type: 'logarithmic', min: 1,
    title: { display: true, text: 'percentile (log scale of 1/(1−p))' },
    ticks: {
      callback: value => {
        const decade = Math.log10(value);
        if (Math.abs(decade - Math.round(decade)) > 1e-9) return '';
        return Math.round(decade) === 0 ? '0%' : (100 - 100 / value).toFixed(Math.max(0, Math.round(decade) - 2)) + '%';
      }
    }
  };
  const msAxis = text => ({
    type: 'logarithmic', title: { display: true, text: text || 'latency (log scale)' },
    ticks: {
      autoSkip: true,
      callback: value => {
        const mantissa = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
        return [1, 2, 5].some(m => Math.abs(mantissa - m) < 1e-6) ? human(value) : '';
      }
    }
  });
  function curveDataset(label, curve, color, dashed) {
    return {
      label, data: curvePoints(curve), borderColor: color, backgroundColor: color, showLine: true,
      pointRadius: 0, borderWidth: 2, borderDash: dashed ? [6, 4] : []
    };
  }
  const curveTooltip = {
    callbacks: { label: ctx => ctx.dataset.label + ': ' + (ctx.raw.p >= 100 ? 'max' : 'p' + ctx.raw.p) + ' = ' + human(ctx.raw.y) }
  };

  // ---------- sections ----------
  const seedRuns = runsOf('seed');
  const seedInline = seedRuns.find(r => r.path === 'inline');
  const seedAsync = seedRuns.find(r => r.path === 'async');

  function headline() {
    const box = document.getElementById('headline');
    box.textContent = '';
    const lines = [];
    const main = seedInline && seedAsync ? [seedInline, seedAsync]
      : [runsOf('open').find(r => r.path === 'inline'), runsOf('open').find(r => r.path === 'async')];
    const [inl, asy] = main;
    if (inl && asy && inl.ok > 0 && asy.ok > 0) {
      const inlineWins = inl.latency.p99 <= asy.latency.p99 && inl.errorCount <= asy.errorCount;
      const ratio = inlineWins ? asy.latency.p99 / inl.latency.p99 : inl.latency.p99 / asy.latency.p99;
      lines.push(['verdict', inlineWins
        ? 'Compute inline while the work fits in the request.'
        : 'Hand the work to the queue.']);
      lines.push([null, 'fib(' + inl.n + ') from ' + load(inl).replace('c=', '') + (inl.mode === 'open' ? '' : ' parallel clients')
        + ', ' + inl.sent + ' requests per path: inline answered in p50 ' + human(inl.latency.p50) + ', p99 '
        + human(inl.latency.p99) + '; the async path delivered the same answer in p50 ' + human(asy.latency.p50)
        + ', p99 ' + human(asy.latency.p99) + ' (' + ratio.toFixed(1) + '× ' + (inlineWins ? 'slower' : 'faster')
        + ' at p99), although its 202 came back in p99 ' + human(asy.accepted ? asy.accepted.p99 : null) + '.']);
      lines.push([null, 'Throughput: inline ' + inl.throughputPerSecond + ' answers/s, async ' + asy.throughputPerSecond
        + ' jobs/s. Errors: inline ' + inl.errorCount + ', async ' + asy.errorCount + '.']);
    } else {
      lines.push(['verdict', 'No successful seed or open-loop run in this results file: see the tables below.']);
    }
    const sweepRuns = crossoverRuns().filter(r => r.algorithm === 'naive');
    const beyond = sweepRuns.filter(r => r.path === 'async' && r.ok > 0 && inlineLimit !== null && r.n > inlineLimit);
    const refused = sweepRuns.filter(r => r.path === 'inline' && r.ok === 0 && r.errorCount > 0);
    if (beyond.length > 0 && refused.length > 0) {
      const far = beyond[beyond.length - 1];
      const kinds = [...new Set(refused.flatMap(r => Object.keys(r.errors || {})))].join(', ');
      lines.push([null, 'Past n = ' + inlineLimit + ' (the template\'s InlineNaiveMaxN) the inline path gives no answer ('
        + kinds + ': the API points to POST /jobs instead); at n = ' + far.n + ' the async path still finished, in p50 '
        + human(far.latency.p50) + '.']);
    }
    const inlineOk = sweepRuns.filter(r => r.path === 'inline' && r.ok > 0 && r.latency.p50 > 0);
    if (inlineOk.length > 0) {
      // Extrapolation from the largest n that inline answered, at naive recursion's growth of φ per step of n.
      const last = inlineOk[inlineOk.length - 1];
      const phi = (1 + Math.sqrt(5)) / 2;
      const n30s = last.n + Math.log(GATEWAY_LIMIT_MS / last.latency.p50) / Math.log(phi);
      if (n30s > last.n) {
        lines.push([null, 'At the measured p50 of ' + human(last.latency.p50) + ' for n = ' + last.n
          + ' and naive recursion\'s growth of ≈1.618× per step, an inline request would pass API Gateway\'s 30 s limit '
          + 'from about n = ' + Math.ceil(n30s) + ' on this machine (an extrapolation, not a measurement).']);
      }
    }
    const fastInline = runsOf('fast').find(r => r.path === 'inline' && seedInline && r.n === seedInline.n
      && r.concurrency === seedInline.concurrency);
    if (fastInline && fastInline.ok > 0) {
      lines.push([null, 'Optimising the code instead: the fast algorithm answered fib(' + fastInline.n + ') inline in p99 '
        + human(fastInline.latency.p99) + '.']);
    }
    lines.forEach(([cls, text]) => box.appendChild(el('p', { class: cls }, text)));
  }

  function summary() {
    const rows = allRuns.slice();
    if (R.overhead) rows.push(R.overhead);
    table('summary-table', [
      C.text('scenario', 'scenario'), C.text('path', 'path'), C.text('algorithm', 'algorithm'), C.num('n', 'n'),
      C.text('load', 'load', load), C.num('sent', 'sent'), C.num('ok', 'ok'), C.num('errors', 'errorCount'),
      ...percentileColumns('latency'), C.num('throughput /s', 'throughputPerSecond'),
      C.num('generator CPU µs/op', 'clientCpuMicrosPerRequest'), C.num('generator CPU % of machine', 'clientCpuPercentOfMachine')
    ], rows, r => r.id);
    const errorRuns = rows.filter(r => r.errorCount > 0);
    if (errorRuns.length > 0) {
      const note = el('p', { class: 'note' }, 'Errors by kind: ' + errorRuns.map(r => r.id + ' → ' + errorText(r)).join('; ') + '.');
      document.getElementById('summary-table').appendChild(note);
    }
  }

  function percentiles() {
    if (!seedInline || !seedAsync) return false;
    const series = [
      { label: 'inline: request → response', run: seedInline, key: 'latency', curve: 'latencyCurve', color: COLORS.inline },
      { label: 'async: submit → result', run: seedAsync, key: 'latency', curve: 'latencyCurve', color: COLORS.async },
      { label: 'async: submit → 202', run: seedAsync, key: 'accepted', curve: 'acceptedCurve', color: COLORS.accepted }
    ];
    chart('chart-percentiles', {
      type: 'scatter',
      data: { datasets: series.map(s => curveDataset(s.label, s.run[s.curve], s.color)) },
      options: { scales: { x: percentileAxis, y: msAxis() }, plugins: { tooltip: curveTooltip } }
    });
    table('percentiles-table', [C.text('curve', 'label'), C.num('count', 'summary.count'),
      ...percentileColumns('summary')], series.map(s => ({ label: s.label, summary: s.run[s.key] })));
    return true;
  }

  function crossoverRuns() {
    const c = settings.sweepNConcurrency;
    return runsOf('sweep').concat(runsOf('fast'))
      .filter(r => r.mode === 'closed' && r.concurrency === c)
      .filter(r => r.scenario === 'fast' || r.algorithm === 'naive')
      .filter(r => (settings.sweepN || []).includes(r.n))
      .sort((a, b) => a.n - b.n);
  }

  function crossover() {
    const runs = crossoverRuns();
    if (!runs.some(r => r.scenario === 'sweep')) return false;
    const ns = [...new Set(runs.map(r => r.n))].sort((a, b) => a - b);
    const pick = (path, algorithm, n) => runs.find(r => r.path === path && r.algorithm === algorithm && r.n === n);
    const line = (label, path, algorithm, key, color, dashed) => ({
      label, borderColor: color, backgroundColor: color, showLine: true, borderWidth: 2, pointRadius: 3,
      borderDash: dashed ? [6, 4] : [], spanGaps: false,
      data: ns.map(n => { const r = pick(path, algorithm, n); return { x: n, y: r && r.ok > 0 ? get(r, key) : null }; })
    });
    const ys = runs.filter(r => r.ok > 0).map(r => r.latency.p50).filter(v => v > 0);
    const yMin = ys.length ? Math.min(...ys) / 2 : 0.1;
    const datasets = [
      line('inline naive p50', 'inline', 'naive', 'latency.p50', COLORS.inline),
      line('inline naive p99', 'inline', 'naive', 'latency.p99', COLORS.inline, true),
      line('async naive p50', 'async', 'naive', 'latency.p50', COLORS.async),
      line('async naive p99', 'async', 'naive', 'latency.p99', COLORS.async, true)
    ];
    if (runs.some(r => r.algorithm === 'fast')) {
      datasets.push(line('inline fast p99', 'inline', 'fast', 'latency.p99', COLORS.fast, true));
      datasets.push(line('async fast p99', 'async', 'fast', 'latency.p99', COLORS.accepted, true));
    }
    const refused = ns.map(n => pick('inline', 'naive', n)).filter(r => r && r.errorCount > 0);
    if (refused.length > 0) {
      datasets.push({
        label: 'inline gave no answer (errors in the table; drawn at the 30 s line)', data: refused.map(r => ({ x: r.n, y: GATEWAY_LIMIT_MS })),
        pointStyle: 'crossRot', pointRadius: 9, borderWidth: 3, borderColor: COLORS.gateway, backgroundColor: COLORS.gateway, showLine: false
      });
    }
    datasets.push({
      label: 'API Gateway 30 s limit', data: [{ x: ns[0], y: GATEWAY_LIMIT_MS }, { x: ns[ns.length - 1], y: GATEWAY_LIMIT_MS }],
      borderColor: COLORS.gateway, borderDash: [2, 3], showLine: true, pointRadius: 0, borderWidth: 2
    });
    if (inlineLimit !== null) {
      datasets.push({
        label: 'inline limit (n ≤ ' + inlineLimit + ')', data: [{ x: inlineLimit + 0.5, y: yMin }, { x: inlineLimit + 0.5, y: GATEWAY_LIMIT_MS }],
        borderColor: COLORS.limit, borderDash: [8, 4], showLine: true, pointRadius: 0, borderWidth: 1.5
      });
    }
    chart('chart-crossover', {
      type: 'scatter', data: { datasets },
      options: {
        scales: { x: { type: 'linear', title: { display: true, text: 'n (clients: ' + settings.sweepNConcurrency + ')' }, ticks: { stepSize: 1 } }, y: msAxis() },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': n=' + ctx.raw.x + ', ' + human(ctx.raw.y) } } }
      }
    });
    const rows = ns.map(n => ({ n, inl: pick('inline', 'naive', n), asy: pick('async', 'naive', n),
      finl: pick('inline', 'fast', n), fasy: pick('async', 'fast', n) }));
    table('crossover-table', [
      C.num('n', 'n'),
      C.text('inline ok/sent', 'inl.ok', r => okSent(r.inl)), C.num('inline errors', 'inl.errorCount'), C.ms('inline p50', 'inl.latency.p50'), C.ms('inline p99', 'inl.latency.p99'),
      C.text('async ok/sent', 'asy.ok', r => okSent(r.asy)), C.num('async errors', 'asy.errorCount'), C.ms('async p50', 'asy.latency.p50'), C.ms('async p99', 'asy.latency.p99'),
      C.ms('inline fast p99', 'finl.latency.p99'), C.ms('async fast p99', 'fasy.latency.p99')
    ], rows);
    return true;
  }

  function stages() {
    const runs = allRuns.filter(r => r.path === 'async' && r.n === settings.n && r.ok > 0)
      .sort((a, b) => (a.algorithm === b.algorithm ? 0 : a.algorithm === 'naive' ? -1 : 1));
    if (runs.length === 0) return false;
    const label = r => r.scenario + ' · ' + r.algorithm + ' · ' + load(r);
    const labels = runs.map(label);
    const p50 = (r, key) => (r[key] ? r[key].p50 : 0);
    // Open loop: latency counts from the intended send time, so part of it is waiting for a free sender.
    const waitToSend = r => (r.mode === 'open' && r.serviceTime ? Math.max(0, r.latency.p50 - r.serviceTime.p50) : 0);
    const sent = r => (r.mode === 'open' && r.serviceTime ? r.serviceTime.p50 : r.latency.p50);
    const rest = r => Math.max(0, sent(r) - p50(r, 'accepted') - p50(r, 'queueWait') - p50(r, 'compute') - p50(r, 'write'));
    const bar = (label, color, f) => ({ label, backgroundColor: color, data: runs.map(f) });
    chart('chart-stages', {
      type: 'bar',
      data: {
        labels, datasets: [
          bar('submit → 202', COLORS.accepted, r => p50(r, 'accepted')),
          bar('queue wait', COLORS.queue, r => p50(r, 'queueWait')),
          bar('compute', COLORS.compute, r => p50(r, 'compute')),
          bar('write', COLORS.write, r => p50(r, 'write')),
          bar('polling delay & other', COLORS.other, rest),
          bar('open loop: waiting to be sent', COLORS.gateway, waitToSend)
        ]
      },
      options: {
        indexAxis: 'y',
        scales: { x: { stacked: true, title: { display: true, text: 'median time (ms)' } }, y: { stacked: true } }
      }
    });
    table('stages-table', [
      C.text('run', 'label', label),
      C.ms('202 p50', 'accepted.p50'), C.ms('202 p99', 'accepted.p99'),
      C.ms('queue p50', 'queueWait.p50'), C.ms('queue p99', 'queueWait.p99'),
      C.ms('compute p50', 'compute.p50'), C.ms('compute p99', 'compute.p99'),
      C.ms('write p50', 'write.p50'), C.ms('write p99', 'write.p99'),
      C.ms('server total p50', 'serverTotal.p50'), C.ms('server total p99', 'serverTotal.p99'),
      C.ms('result p50', 'latency.p50'), C.ms('result p99', 'latency.p99'),
      C.text('waiting to be sent p50 (open loop)', 'waitToSend', r => (r.mode === 'open' ? fmtMs(waitToSend(r)) : '–')),
      C.text('polls/job', 'polls', r => (r.polls / Math.max(1, r.sent)).toFixed(1)),
      C.num('jobs/s', 'throughputPerSecond')
    ], runs, r => r.id);
    return true;
  }

  function concurrency() {
    const candidates = runsOf('seed').concat(runsOf('sweep'))
      .filter(r => r.mode === 'closed' && r.algorithm === 'naive' && r.n === settings.n);
    const best = new Map();
    candidates.forEach(r => {
      const key = r.path + '@' + r.concurrency;
      if (!best.has(key) || best.get(key).sent < r.sent) best.set(key, r);
    });
    const runs = [...best.values()];
    const levels = [...new Set(runs.map(r => r.concurrency))].sort((a, b) => a - b);
    if (levels.length < 2) return false;
    const pick = (path, c) => runs.find(r => r.path === path && r.concurrency === c);
    const line = (label, path, key, color, dashed) => ({
      label, borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 3, borderDash: dashed ? [6, 4] : [],
      data: levels.map(c => { const r = pick(path, c); return r && r.ok > 0 ? get(r, key) : null; })
    });
    chart('chart-concurrency', {
      type: 'line',
      data: {
        labels: levels.map(String), datasets: [
          line('inline p50', 'inline', 'latency.p50', COLORS.inline), line('inline p99', 'inline', 'latency.p99', COLORS.inline, true),
          line('async p50', 'async', 'latency.p50', COLORS.async), line('async p99', 'async', 'latency.p99', COLORS.async, true)
        ]
      },
      options: { scales: { x: { title: { display: true, text: 'parallel clients (n = ' + settings.n + ')' } }, y: msAxis() } }
    });
    const rows = levels.flatMap(c => ['inline', 'async'].map(p => pick(p, c)).filter(Boolean));
    table('concurrency-table', [C.num('clients', 'concurrency'), C.text('path', 'path'), C.text('scenario', 'scenario'),
      C.num('sent', 'sent'), C.num('errors', 'errorCount'), ...percentileColumns('latency'), C.num('throughput /s', 'throughputPerSecond')], rows, r => r.id);
    return true;
  }

  function fast() {
    const fastRuns = runsOf('fast').filter(r => r.n === settings.n && r.concurrency === settings.concurrency);
    if (fastRuns.length === 0) return false;
    const runs = seedRuns.concat(fastRuns).filter(r => r.ok > 0);
    chart('chart-fast', {
      type: 'bar',
      data: {
        labels: runs.map(r => r.path + ' ' + r.algorithm),
        datasets: [
          { label: 'p50', backgroundColor: COLORS.inline, data: runs.map(r => r.latency.p50) },
          { label: 'p99', backgroundColor: COLORS.async, data: runs.map(r => r.latency.p99) }
        ]
      },
      options: { scales: { y: msAxis() } }
    });
    table('fast-table', [C.text('path', 'path'), C.text('algorithm', 'algorithm'), C.num('n', 'n'), C.text('load', 'load', load),
      C.num('sent', 'sent'), C.num('errors', 'errorCount'), ...percentileColumns('latency'), C.num('throughput /s', 'throughputPerSecond')],
    seedRuns.concat(fastRuns), r => r.id);
    return true;
  }

  function open() {
    const runs = runsOf('open');
    if (runs.length === 0) return false;
    const datasets = [];
    runs.forEach(r => {
      const color = r.path === 'inline' ? COLORS.inline : COLORS.async;
      datasets.push(curveDataset(r.path + ' from intended send time', r.latencyCurve, color));
      datasets.push(curveDataset(r.path + ' from actual send (service time)', r.serviceTimeCurve, color, true));
    });
    chart('chart-open', {
      type: 'scatter', data: { datasets },
      options: { scales: { x: percentileAxis, y: msAxis() }, plugins: { tooltip: curveTooltip } }
    });
    table('open-table', [C.text('path', 'path'), C.num('rate /s', 'ratePerSecond'), C.num('max in flight', 'maxInFlight'),
      C.num('sent', 'sent'), C.num('ok', 'ok'), C.num('errors', 'errorCount'),
      C.ms('p50 (intended)', 'latency.p50'), C.ms('p99 (intended)', 'latency.p99'), C.ms('max (intended)', 'latency.max'),
      C.ms('p50 (service)', 'serviceTime.p50'), C.ms('p99 (service)', 'serviceTime.p99'), C.ms('max (service)', 'serviceTime.max'),
      C.num('achieved /s', 'throughputPerSecond')], runs, r => r.id);
    return true;
  }

  function peers() {
    const scenario = scenarios.find(s => s.name === 'peers');
    const peerRuns = runsOf('peers');
    if (!scenario || peerRuns.length === 0) return false;
    const flask = peerRuns.find(r => r.path === 'flask');
    const express = peerRuns.find(r => r.path === 'express');
    const label = r => (r.scenario === 'peers' ? r.path.charAt(0).toUpperCase() + r.path.slice(1) : 'fiblab ' + r.path);
    const runs = peerRuns.concat([seedInline, seedAsync].filter(Boolean));
    const finding = document.getElementById('peers-finding');
    const article = scenario.article || {};
    finding.appendChild(el('p', {}, 'The article found: ' + article.finding + ' (' + article.setup + ').'));
    if (flask && express && flask.ok > 0 && express.ok > 0) {
      const ratio = express.throughputPerSecond / flask.throughputPerSecond;
      finding.appendChild(el('p', { class: 'verdict', id: 'peers-ratio', 'data-value': ratio.toFixed(2) },
        'This machine: Express ' + ratio.toFixed(1) + '× Flask\'s throughput (' + express.throughputPerSecond + ' against '
          + flask.throughputPerSecond + ' answers/s); p50 ' + human(express.latency.p50) + ' against ' + human(flask.latency.p50) + '.'));
    }
    if (seedInline && express && seedInline.ok > 0 && express.ok > 0) {
      finding.appendChild(el('p', {}, 'fiblab inline answered ' + seedInline.throughputPerSecond + '/s at p50 ' + human(seedInline.latency.p50)
        + ', async ' + (seedAsync ? seedAsync.throughputPerSecond + ' jobs/s at p50 ' + human(seedAsync.latency.p50) : '–')
        + ': same n (' + seedInline.n + '), ' + seedInline.concurrency + ' clients, ' + seedInline.planned + ' requests each.'));
    }
    const ok = runs.filter(r => r.ok > 0);
    chart('chart-peers', {
      type: 'bar',
      data: {
        labels: ok.map(label),
        datasets: [
          { label: 'p50 (ms)', backgroundColor: COLORS.inline, data: ok.map(r => r.latency.p50), yAxisID: 'y' },
          { label: 'p99 (ms)', backgroundColor: COLORS.async, data: ok.map(r => r.latency.p99), yAxisID: 'y' },
          { label: 'throughput (answers/s)', backgroundColor: COLORS.accepted, data: ok.map(r => r.throughputPerSecond), yAxisID: 'y2' }
        ]
      },
      options: {
        scales: {
          y: msAxis(),
          y2: { type: 'linear', position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
            title: { display: true, text: 'throughput (answers/s)' } }
        }
      }
    });
    table('peers-table', [C.text('server', 'label', label), C.text('what serves', 'server', r => r.server || (r.path === 'inline'
      ? 'fiblab: gateway → ApiFunction computes in the request' : 'fiblab: POST /jobs → SQS → WorkerFunction, polled')
      + (target.kind === 'local' ? ' (local stack)' : '')),
      C.text('versions', 'versions', r => r.versions || (R.environment || {}).jdk), C.num('n', 'n'), C.text('load', 'load', load),
      C.num('sent', 'sent'), C.num('ok', 'ok'), C.num('errors', 'errorCount'), ...percentileColumns('latency'),
      C.num('throughput /s', 'throughputPerSecond')], runs, r => r.id);
    return true;
  }

  function cost() {
    const c = R.cost;
    if (!c || !c.paths || c.paths.length === 0) return false;
    const p = c.prices || {};
    const text = document.getElementById('cost-text');
    const b = c.basis || {};
    text.appendChild(el('p', {}, 'What a million requests of each path would cost on AWS in ' + p.region + ', from the durations and counts '
      + 'this run measured (the seed run, n = ' + b.n + ') and the template\'s configuration (' + b.apiFunction + ' ' + b.apiMemoryMb + ' MB, '
      + b.workerFunction + ' ' + b.workerMemoryMb + ' MB, batch size ' + b.batchSize + '). Prices checked ' + p.checked + ', ' + p.note
      + '; ' + p.howObtained + '.'));
    if (target.kind === 'local') {
      text.appendChild(el('p', { class: 'note', id: 'cost-local-caveat' }, 'These durations were measured on the local stack, where DynamoDB '
        + 'and SQS are emulators sharing this machine\'s cores: the submit, poll and worker durations, and so the async path\'s Lambda '
        + 'duration lines, are likely higher than on AWS. Request counts and the per-request prices do not depend on where it ran.'));
    }
    const sources = el('p', { class: 'note' }, 'Sources: ');
    Object.entries(p.prices || {}).forEach(([key, price], i) => {
      if (i > 0) sources.appendChild(document.createTextNode('; '));
      const usd = price.usd < 0.01 ? String(price.usd) : price.usd.toFixed(3).replace(/0$/, '');
      sources.appendChild(document.createTextNode(price.description + ' $' + usd + ' per '
        + (price.per === 1 ? '' : price.per.toLocaleString('en-US') + ' ') + price.unit + ' ('));
      sources.appendChild(el('a', { href: price.source }, price.source));
      sources.appendChild(document.createTextNode(')'));
    });
    text.appendChild(sources);
    const box = document.getElementById('cost-tables');
    c.paths.forEach(path => {
      box.appendChild(el('h3', {}, path.path + ': per million ' + path.per + 's — $' + path.totalPerMillionUsd.toFixed(2)));
      const holder = el('div', { id: 'cost-table-' + path.path });
      box.appendChild(holder);
      const rows = path.lines.concat([{ service: 'total', item: '', unitsPerMillion: null, unit: '', costPerMillionUsd: path.totalPerMillionUsd }]);
      table(holder.id, [C.text('service', 'service'), C.text('line item', 'item'), C.num('units per million', 'unitsPerMillion'),
        C.text('unit', 'unit'), C.text('unit price (USD)', 'unitPriceUsd', r => (r.unitPriceUsd === undefined ? '' : '$' + (r.unitPriceUsd < 0.01 ? String(r.unitPriceUsd) : r.unitPriceUsd.toFixed(3).replace(/0$/, ''))
          + (r.unitPricePer === 1 ? '' : ' per ' + r.unitPricePer.toLocaleString('en-US')))),
        C.usd('cost per million', 'costPerMillionUsd')], rows, r => path.path + ':' + (r.item || 'total'));
      box.appendChild(el('p', { class: 'note' }, path.dominant));
    });
    const list = document.getElementById('cost-assumptions');
    (c.assumptions || []).forEach(a => list.appendChild(el('li', {}, a)));
    return true;
  }

  function methodology() {
    const box = document.getElementById('methodology-text');
    const s = settings;
    const o = R.overhead;
    const paragraphs = [
      'Target: ' + (target.description || target.url) + '. Each scenario runs the inline path, then the async path, with the same load shape; '
        + 'the two never run at the same time. Before measuring, ' + s.warmupPerPath + ' inline requests and a fifth as many jobs warm the '
        + 'server up (JIT, connections, worker); they are not recorded.',
      'Closed loop: ' + s.concurrency + ' clients each send their next operation when the previous one finished, until ' + s.requests
        + ' operations were sent (or a run exceeds ' + s.runBudgetSeconds + ' s). It is the seed experiment\'s shape. It under-samples slow '
        + 'periods (coordinated omission), so the results file also holds a corrected copy of each closed-loop histogram (latencyCorrected), '
        + 'back-filled by HdrHistogram at the run\'s mean per-client interval, and the open loop runs beside it.',
      'Open loop: ' + s.openRequests + ' operations per path scheduled at ' + s.openRatePerSecond + '/s, at most ' + s.openMaxInFlight
        + ' in flight; latency is counted from each operation\'s intended send time, so time spent waiting to be sent counts.',
      'Inline latency: request to response of GET /fib/{n}. Async: POST /jobs until 202 (submit → 202), then GET /jobs/{id} every '
        + s.pollIntervalMillis + ' ms (first poll one interval after the 202) until DONE or FAILED, at most ' + s.jobTimeoutSeconds
        + ' s; time to result therefore includes up to one poll interval. Queue wait, compute and write come from the job record '
        + '(startedAt − submittedAt, computeMicros, completedAt − startedAt − compute). Every value is checked against the expected '
        + 'Fibonacci number; a wrong value is an error. Each HTTP request times out after ' + s.requestTimeoutSeconds + ' s (API Gateway\'s limit). '
        + 'A job that times out is counted as an error and left to finish on the server, where it may still load the next run.',
      'Every latency is recorded in an HdrHistogram (µs, 3 significant digits). Latency percentiles are of successful operations; '
        + 'errors and timeouts are counted by kind and shown beside them. Throughput is successful operations per second of wall time, '
        + 'first send to last completion; for async it is jobs completed per second.'
    ];
    if (s.sweepN) {
      paragraphs.push('Sweep: n ∈ {' + s.sweepN.join(', ') + '} at ' + s.sweepNConcurrency + ' client(s), and n = ' + s.n
        + ' at {' + (s.sweepConcurrency || []).join(', ') + '} clients; ' + s.pointRequests + ' operations per point (at least two per client '
        + 'for the concurrency points), each point stopping new sends after ' + s.pointBudgetSeconds + ' s.');
    }
    if (target.kind === 'local') {
      paragraphs.push('The local stack runs everything on this machine, in the benchmark\'s own JVM: the gateway, both functions, '
        + 'the SQS event-source pollers, ElasticMQ for SQS and dynalite (Node.js) for DynamoDB. The async path\'s fixed costs '
        + 'here (submit, queue wait, write) are those of these emulators sharing the same cores with the computation and the '
        + 'load generator, not those of SQS, DynamoDB and Lambda; the shape of the comparison carries over, the absolute '
        + 'numbers do not. Run with --url or --stack-name against a deployed stack for those.');
    }
    if (o) {
      paragraphs.push('Load generator overhead: the same closed loop against a route that does no work (an unknown route, answered 404) '
        + 'reached ' + o.throughputPerSecond + ' requests/s at p50 ' + human(o.latency.p50) + ', p99 ' + human(o.latency.p99)
        + ', with ' + o.clientCpuMicrosPerRequest + ' µs of the generator\'s own CPU per request. That is the floor under every number above '
        + 'and the rate beyond which the generator, not the API, would be the limit. The summary table gives, for every run, the '
        + 'generator\'s CPU per operation and its share of the machine\'s CPU while the run lasted: the part it took away from the server.');
    }
    paragraphs.forEach(t => box.appendChild(el('p', {}, t)));
    if (o) {
      table('overhead-table', [C.text('route', 'label', () => 'no-work (404)'), C.num('clients', 'concurrency'), C.num('sent', 'sent'),
        C.num('ok', 'ok'), C.num('errors', 'errorCount'), ...percentileColumns('latency'), C.num('requests/s', 'throughputPerSecond'),
        C.num('generator CPU µs/op', 'clientCpuMicrosPerRequest'), C.num('generator CPU % of machine', 'clientCpuPercentOfMachine')],
      [o], r => r.id);
    }
  }

  function environment() {
    const env = R.environment || {};
    const rows = [
      ['date', env.date], ['commit', env.commit], ['CPU', env.cpu], ['cores', env.cores], ['JDK', env.jdk], ['OS', env.os],
      ['benchmark heap (MiB)', env.maxHeapMiB], ['target', target.description], ['target kind', target.kind], ['API URL', target.url]
    ];
    Object.entries(params).sort().forEach(([k, v]) => rows.push(['parameter ' + k, v]));
    table('environment-table', [C.text('what', 'k', r => r[0]), C.text('value', 'v', r => r[1])], rows);
  }

  function raw() {
    const list = document.getElementById('raw-links');
    const link = (href, text) => {
      const li = el('li');
      li.appendChild(el('a', { href }, text));
      list.appendChild(li);
    };
    link('data/results.json', 'results.json: every number on this page');
    (target.logs || []).forEach(log => link(log, 'local stack log: ' + log.replace('data/', '')));
    runsOf('peers').filter(r => r.log).forEach(r => link(r.log, r.path + ' peer log (its own output): ' + r.log.replace('data/', '')));
    allRuns.concat(R.overhead ? [R.overhead] : []).filter(r => r.hdrLog)
      .forEach(r => link('data/' + r.hdrLog, 'HdrHistogram log: ' + r.id));
  }

  headline();
  summary();
  const shown = { seed: percentiles(), sweep: crossover(), async: stages(), concurrency: concurrency(), fast: fast(), open: open(),
    peers: peers(), cost: cost() };
  document.querySelectorAll('section[data-needs]').forEach(section => {
    if (!shown[section.getAttribute('data-needs')]) section.hidden = true;
  });
  methodology();
  environment();
  raw();
  const toc = document.getElementById('toc');
  document.querySelectorAll('section:not([hidden])').forEach(section => {
    toc.appendChild(el('a', { href: '#' + section.id }, section.querySelector('h2').textContent.split(':')[0]));
  });
  document.body.setAttribute('data-rendered', 'true');
}());
