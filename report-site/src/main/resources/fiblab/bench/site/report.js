// Renders the fiblab report from window.FIBLAB_RESULTS (data/results.js, a copy of results.json).
// Every number on the page comes from that object; nothing here is a measurement. Helpers: common.js.
(function () {
  'use strict';

  const R = window.FIBLAB_RESULTS;
  const FL = window.FL;
  const { PALETTE, POINT_STYLES, el, get, time, count, num, usd, C, table, percentileColumns, chart, timeAxis, goalLine } = FL;
  const GATEWAY_LIMIT_MS = 30000; // API Gateway HTTP API integration timeout, not raisable

  if (!R) {
    document.getElementById('headline').textContent =
      'data/results.js is missing next to this page: the report has nothing to show.';
    return;
  }

  const scenarios = R.scenarios || [];
  const allRuns = scenarios.flatMap(s => s.runs || []);
  const settings = R.settings || {};
  const target = R.target || {};
  const env = R.environment || {};
  const params = target.parameters || {};
  const inlineLimit = params.InlineNaiveMaxN !== undefined ? Number(params.InlineNaiveMaxN) : null;
  const runsOf = name => allRuns.filter(r => r.scenario === name);
  const picks = FL.headlineRuns(R);
  const costOf = path => ((R.cost || {}).paths || []).find(p => p.path === path);
  const runId = r => ({ 'data-run': r && r.id });

  // ---------- where it ran ----------
  function where() {
    if (target.kind === 'local') {
      return 'local emulators (ElasticMQ, dynalite) on one machine, not AWS';
    }
    const m = /execute-api\.([a-z0-9-]+)\.amazonaws\.com/.exec(target.url || '');
    if (target.kind === 'stack') return 'AWS, ' + target.description + (m ? ' (region ' + m[1] + ')' : '');
    return 'the API at ' + target.url + (m ? ' (AWS region ' + m[1] + ')' : '');
  }
  function badge() {
    const box = document.getElementById('badge');
    const date = (env.date || '').replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
    const items = [['Ran on', where()], ['CPU', (env.cpu || '?') + ', ' + count(env.cores) + ' cores'], ['Date', date],
      ['Commit', env.commit || 'unknown']];
    items.forEach(([k, v]) => {
      const span = el('span', { class: 'badge-item', 'data-badge': k.toLowerCase().replace(' ', '-') });
      span.appendChild(el('b', {}, k + ': '));
      span.appendChild(document.createTextNode(v));
      box.appendChild(span);
    });
    document.title = 'fiblab: inline or queue? · ' + date + ' · ' + (env.commit || 'unknown');
  }

  // ---------- the verdict ----------
  function headline() {
    const box = document.getElementById('headline');
    box.textContent = '';
    const inl = picks.inline && picks.inline.run;
    const asy = picks.async && picks.async.run;
    if (!inl || !asy) {
      const held = ['overload', 'polling'].filter(k => (R.scenarios || []).some(s => s[k]));
      box.appendChild(el('p', { class: 'verdict' }, held.length
        ? 'No seed or open-loop run in this results file; it holds the ' + held.join(' and ') + ' scenario'
          + (held.length > 1 ? 's' : '') + ': see the Overload section below.'
        : 'No successful seed or open-loop run in this results file: see the tables below.'));
      return;
    }
    const inlineWins = inl.latency.p99 <= asy.latency.p99 && inl.errorCount <= asy.errorCount;
    box.appendChild(el('p', { class: 'verdict' }, inlineWins
      ? 'Compute inline while the work fits in the request.'
      : 'Hand the work to the queue.'));
    const detail = el('p', {}, 'fib(' + inl.n + '), ' + FL.load(inl) + ': inline answered in p50 ' + time(inl.latency.p50) + ', p99 '
      + time(inl.latency.p99) + '; the async path delivered the same answer in p50 ' + time(asy.latency.p50) + ', p99 '
      + time(asy.latency.p99) + (asy.pollIntervalMillis ? ' to a client polling every ' + time(asy.pollIntervalMillis) : '')
      + ', although its 202 came back in p99 ' + time(get(asy, 'accepted.p99')) + '.');
    [inl, asy].forEach(r => { const f = FL.flag(r); if (f) { detail.appendChild(document.createTextNode(' ')); detail.appendChild(f); } });
    box.appendChild(detail);
  }

  /**
   * How the async client behind a figure polled: the seed experiment's client polls every 10 ms and
   * ignores the API's Retry-After, a best case no well-behaved client sees.
   */
  function pollingNote(run) {
    return 'async: its client polled every ' + time(run.pollIntervalMillis) + ', as the seed experiment did, not after the '
      + 'Retry-After the API answers (a second or more): a best case for the async path, which a client that honours Retry-After sees '
      + 'about a second later (the overload and polling scenarios measure that client).';
  }

  function verdictTable() {
    const rows = [];
    const add = (label, pick, summaryKey, costPath, per) => {
      if (!pick) return;
      const r = pick.run;
      rows.push({ label, run: r, pick, summary: r[summaryKey], throughput: summaryKey === 'latency' ? r.throughputPerSecond : null,
        per, cost: costPath && costOf(costPath) ? costOf(costPath).totalPerMillionUsd : null, key: r.id + ':' + summaryKey });
    };
    add('inline (GET /fib/' + (picks.inline ? picks.inline.run.n : 'n') + ')', picks.inline, 'latency', 'inline', 'answers/s');
    add('async, submit → result', picks.async, 'latency', 'async', 'jobs/s');
    add('async, submit → 202', picks.async, 'accepted', null, '');
    add('fast doubling, inline', picks.fast, 'latency', null, 'answers/s');
    add('Flask (seed\'s peer)', picks.flask, 'latency', null, 'answers/s');
    add('Express (seed\'s peer)', picks.express, 'latency', null, 'answers/s');
    if (rows.length === 0) return;
    table('verdict-table', [
      C.text('path', 'label'), C.time('p50', 'summary.p50'), C.time('p99', 'summary.p99'),
      C.num('throughput (/s)', 'throughput'), C.usd('cost ($/million)', 'cost')
    ], rows, { rowAttrs: r => ({ 'data-run': r.run.id, 'data-row': r.key }), label: 'Verdict: one row per path', flagged: r => r.run });
    const notes = document.getElementById('verdict-notes');
    rows.filter(r => r.summary === r.run.latency).forEach(r => {
      const text = r.label + ': run ' + r.run.id + ', after ' + r.pick.warmup + '.';
      const others = r.pick.others.map(o => ' Also measured: ' + o.run.id + ' after ' + o.warmup + ', p50 ' + time(o.run.latency.p50)
        + ', ' + num(o.run.throughputPerSecond) + '/s.').join('');
      notes.appendChild(el('li', { 'data-pick': r.run.id }, text + others));
    });
    if (picks.async && picks.async.run.pollIntervalMillis) {
      notes.appendChild(el('li', { id: 'verdict-polling' }, pollingNote(picks.async.run)));
    }
    const w = R.worstCaseSpend;
    if (w) {
      notes.appendChild(el('li', { id: 'verdict-worst-case' }, 'Worst case once deployed: ' + usd(w.totalUsdPerHour) + ' an hour '
        + worstCaseAt(w) + ', every throttle and reserved instance used all hour (see Cost).'));
    }
    if (!R.cost) notes.appendChild(el('li', {}, 'No cost estimate in this results file (it needs the seed scenario and the template).'));
    else notes.appendChild(el('li', {}, 'Cost: AWS list prices applied to the ' + ((R.cost.basis || {}).run || 'seed')
      + ' run\'s measured durations for the inline and async paths (see Cost); the peers and fast doubling are not priced.'));
  }

  // Cost against latency, in the spirit of Lambda Power Tuning: lower left is better.
  function costLatency() {
    // The cost model priced the seed run (cost.basis.run), so the chart places that run's own latencies beside it.
    const basis = (R.cost || {}).basis || {};
    const basisRun = path => runsOf(basis.run || 'seed').find(r => r.path === path && r.ok > 0);
    const points = [['inline', basisRun('inline'), PALETTE.inline], ['async', basisRun('async'), PALETTE.async]]
      .filter(([path, run]) => run && costOf(path)).map(([path, run, color]) => [path, { run }, color]);
    if (points.length === 0) return false;
    const datasets = points.flatMap(([path, pick, color]) => {
      const cost = costOf(path).totalPerMillionUsd;
      return [{
        type: 'line', label: path + ': p50 → p99 at ' + usd(cost) + ' per million', borderColor: color, backgroundColor: color,
        pointStyle: POINT_STYLES[path], pointRadius: [6, 4], borderWidth: 3, borderDash: path === 'async' ? [8, 4] : [],
        data: [{ x: pick.run.latency.p50, y: cost, q: 'p50' }, { x: pick.run.latency.p99, y: cost, q: 'p99' }]
      }];
    });
    chart('chart-cost-latency', {
      type: 'scatter', data: { datasets },
      options: {
        scales: { x: timeAxis('latency, p50 to p99 (log scale)'),
          y: { beginAtZero: true, title: { display: true, text: 'cost per million (USD)' }, ticks: { callback: v => usd(v) } } },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label.split(':')[0] + ' ' + ctx.raw.q + ' ' + time(ctx.raw.x)
          + ', ' + usd(ctx.raw.y) + ' per million' } } }
      }
    });
    return true;
  }

  function reproduce() {
    const box = document.getElementById('reproduce-command');
    const cl = R.commandLine;
    if (cl && cl.shell) {
      box.textContent = cl.shell;
    } else {
      box.textContent = '(this results file, schema ' + R.schema + ', does not record its command line)';
    }
  }

  // ---------- every run ----------
  function summary() {
    table('summary-table', [
      C.text('run', 'id'), C.text('scenario', 'scenario'), C.text('path', 'path'), C.text('algorithm', 'algorithm'), C.count('n', 'n'),
      C.text('load', 'load', FL.load), C.count('sent (requests)', 'sent'), C.count('ok (requests)', 'ok'), C.count('errors', 'errorCount'),
      ...percentileColumns('latency'), C.num('throughput (per s)', 'throughputPerSecond')
    ], allRuns, { rowAttrs: runId, label: 'Summary: every run', flagged: r => r });
    const errorRuns = allRuns.filter(r => r.errorCount > 0);
    if (errorRuns.length > 0) {
      const text = 'Errors by kind: ' + errorRuns.map(r => r.id + ' → ' + Object.entries(r.errors || {})
        .map(([k, v]) => k + ': ' + count(v)).join(', ')).join('; ') + '.';
      document.getElementById('summary-table').appendChild(el('p', { class: 'note' }, text));
    }
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
    title: { display: true, text: 'percentile' },
    ticks: {
      autoSkip: false,
      callback: value => {
        const decade = Math.log10(value);
        if (Math.abs(decade - Math.round(decade)) > 1e-9) return null;
        return Math.round(decade) === 0 ? 'p0' : 'p' + (100 - 100 / value).toFixed(Math.max(0, Math.round(decade) - 2));
      }
    }
  };
  function curveDataset(label, curve, color, dash, style) {
    return { label, data: curvePoints(curve), borderColor: color, backgroundColor: color, showLine: true, pointStyle: style,
      pointRadius: 0, pointHoverRadius: 5, borderWidth: 2, borderDash: dash || [] };
  }
  const curveTooltip = {
    callbacks: { label: ctx => ctx.dataset.label + ': ' + (ctx.raw.p >= 100 ? 'max' : 'p' + ctx.raw.p) + ' = ' + time(ctx.raw.y) }
  };

  const seedRuns = runsOf('seed');
  const seedInline = seedRuns.find(r => r.path === 'inline');
  const seedAsync = seedRuns.find(r => r.path === 'async');

  function percentiles() {
    if (!seedInline || !seedAsync) return false;
    const series = [
      { label: 'inline: request → response', run: seedInline, key: 'latency', curve: 'latencyCurve', color: PALETTE.inline, dash: [], style: POINT_STYLES.inline },
      { label: 'async: submit → result', run: seedAsync, key: 'latency', curve: 'latencyCurve', color: PALETTE.async, dash: [8, 4], style: POINT_STYLES.async },
      { label: 'async: submit → 202', run: seedAsync, key: 'accepted', curve: 'acceptedCurve', color: PALETTE.accepted, dash: [2, 3], style: POINT_STYLES.accepted }
    ];
    chart('chart-percentiles', {
      type: 'scatter',
      data: { datasets: series.map(s => curveDataset(s.label, s.run[s.curve], s.color, s.dash, s.style)) },
      options: { scales: { x: percentileAxis, y: timeAxis() }, plugins: { tooltip: curveTooltip } }
    });
    table('percentiles-table', [C.text('curve', 'label'), C.count('count (operations)', 'summary.count'),
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
    const line = (label, path, algorithm, key, color, dash, style) => ({
      label, borderColor: color, backgroundColor: color, showLine: true, borderWidth: 2, pointRadius: 4, pointStyle: style,
      borderDash: dash, spanGaps: false,
      data: ns.map(n => { const r = pick(path, algorithm, n); return { x: n, y: r && r.ok > 0 ? get(r, key) : null }; })
    });
    const ys = runs.filter(r => r.ok > 0).map(r => r.latency.p50).filter(v => v > 0);
    const yMin = ys.length ? Math.min(...ys) / 2 : 0.1;
    const datasets = [
      line('inline naive p50', 'inline', 'naive', 'latency.p50', PALETTE.inline, [], 'circle'),
      line('inline naive p99', 'inline', 'naive', 'latency.p99', PALETTE.inline, [6, 4], 'circle'),
      line('async naive p50', 'async', 'naive', 'latency.p50', PALETTE.async, [], 'rect'),
      line('async naive p99', 'async', 'naive', 'latency.p99', PALETTE.async, [6, 4], 'rect')
    ];
    if (runs.some(r => r.algorithm === 'fast')) {
      datasets.push(line('inline fast p99', 'inline', 'fast', 'latency.p99', PALETTE.inline, [2, 3], 'triangle'));
      datasets.push(line('async fast p99', 'async', 'fast', 'latency.p99', PALETTE.async, [2, 3], 'triangle'));
    }
    const refused = ns.map(n => pick('inline', 'naive', n)).filter(r => r && r.errorCount > 0);
    if (refused.length > 0) {
      datasets.push({
        label: 'inline gave no answer (drawn at the 30 s line)', derived: true, data: refused.map(r => ({ x: r.n, y: GATEWAY_LIMIT_MS })),
        pointStyle: 'crossRot', pointRadius: 9, borderWidth: 3, borderColor: PALETTE.inline, backgroundColor: PALETTE.inline, showLine: false
      });
    }
    datasets.push(Object.assign(goalLine('API Gateway 30 s limit', GATEWAY_LIMIT_MS, [ns[0], ns[ns.length - 1]]), { type: 'scatter', showLine: true }));
    if (inlineLimit !== null) {
      datasets.push({
        label: 'inline limit (n ≤ ' + inlineLimit + ')', derived: true, data: [{ x: inlineLimit + 0.5, y: yMin }, { x: inlineLimit + 0.5, y: GATEWAY_LIMIT_MS }],
        borderColor: PALETTE.goal, borderDash: [2, 2], showLine: true, pointRadius: 0, borderWidth: 1.5, pointStyle: 'line'
      });
    }
    chart('chart-crossover', {
      type: 'scatter', data: { datasets },
      options: {
        scales: { x: { type: 'linear', title: { display: true, text: 'n (clients: ' + settings.sweepNConcurrency + ')' }, ticks: { stepSize: 1 } }, y: timeAxis() },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': n = ' + ctx.raw.x + ', ' + time(ctx.raw.y) } } }
      }
    });
    const okSent = r => (r ? count(r.ok) + '/' + count(r.sent) : '–');
    const rows = ns.map(n => ({ n, inl: pick('inline', 'naive', n), asy: pick('async', 'naive', n),
      finl: pick('inline', 'fast', n), fasy: pick('async', 'fast', n) }));
    table('crossover-table', [
      C.count('n', 'n'),
      C.text('inline ok/sent', 'inl.ok', r => okSent(r.inl)), C.count('inline errors', 'inl.errorCount'), C.time('inline p50', 'inl.latency.p50'), C.time('inline p99', 'inl.latency.p99'),
      C.text('async ok/sent', 'asy.ok', r => okSent(r.asy)), C.count('async errors', 'asy.errorCount'), C.time('async p50', 'asy.latency.p50'), C.time('async p99', 'asy.latency.p99'),
      C.time('inline fast p99', 'finl.latency.p99'), C.time('async fast p99', 'fasy.latency.p99')
    ], rows);
    return true;
  }

  // Closed and open runs apart: an open loop's waiting-to-be-sent time would dwarf a closed run's stages.
  function stages() {
    const runs = allRuns.filter(r => r.path === 'async' && r.n === settings.n && r.ok > 0)
      .sort((a, b) => (a.algorithm === b.algorithm ? 0 : a.algorithm === 'naive' ? -1 : 1));
    if (runs.length === 0) return false;
    const label = r => r.scenario + ' · ' + r.algorithm + ' · ' + FL.load(r);
    const p50 = (r, key) => (r[key] ? r[key].p50 : null);
    // Stage medians stacked in one bar, the end-to-end medians in bars of their own beside it: medians of
    // stages need not add up to the median of the whole, so no remainder is computed and drawn.
    const draw = (id, group) => {
      if (group.length === 0) { document.getElementById(id).closest('.chart').hidden = true; return; }
      const bar = (name, color, key, stack) => ({ label: name, backgroundColor: color, borderColor: PALETTE.phase4, borderWidth: 1,
        stack, data: group.map(r => p50(r, key)) });
      const datasets = [
        bar('submit → 202', PALETTE.accepted, 'accepted', 'stages'),
        bar('queue wait', PALETTE.queue, 'queueWait', 'stages'),
        bar('compute', PALETTE.compute, 'compute', 'stages'),
        bar('write', PALETTE.phase3, 'write', 'stages'),
        bar('submit → result (whole; open loop: from the intended send time)', PALETTE.async, 'latency', 'whole')
      ];
      if (group.some(r => r.serviceTime)) datasets.push(bar('from actual send (service time, whole)', PALETTE.phase1, 'serviceTime', 'service'));
      chart(id, {
        type: 'bar', data: { labels: group.map(r => label(r) + (FL.saturated(r) ? ' ⚠ saturated' : '')), datasets },
        options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, title: { display: true, text: 'median time (ms)' } },
          y: { stacked: true } }, plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + time(ctx.raw) } } } }
      });
    };
    draw('chart-stages', runs.filter(r => r.mode !== 'open'));
    draw('chart-stages-open', runs.filter(r => r.mode === 'open'));
    table('stages-table', [
      C.text('run', 'label', label),
      C.time('202 p50', 'accepted.p50'), C.time('202 p99', 'accepted.p99'),
      C.time('queue p50', 'queueWait.p50'), C.time('queue p99', 'queueWait.p99'),
      C.time('compute p50', 'compute.p50'), C.time('compute p99', 'compute.p99'),
      C.time('write p50', 'write.p50'), C.time('write p99', 'write.p99'),
      C.time('server total p50', 'serverTotal.p50'), C.time('server total p99', 'serverTotal.p99'),
      C.time('result p50', 'latency.p50'), C.time('result p99', 'latency.p99'),
      C.time('service time p50 (open loop)', 'serviceTime.p50'),
      C.count('status polls (total)', 'polls'),
      C.num('jobs (per s)', 'throughputPerSecond')
    ], runs, { rowAttrs: runId, flagged: r => r });
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
    const line = (label, path, key, color, dash, style) => ({
      label, borderColor: color, backgroundColor: color, borderWidth: 2, pointRadius: 4, pointStyle: style, borderDash: dash,
      data: levels.map(c => { const r = pick(path, c); return r && r.ok > 0 ? get(r, key) : null; })
    });
    chart('chart-concurrency', {
      type: 'line',
      data: {
        labels: levels.map(String), datasets: [
          line('inline p50', 'inline', 'latency.p50', PALETTE.inline, [], 'circle'), line('inline p99', 'inline', 'latency.p99', PALETTE.inline, [6, 4], 'circle'),
          line('async p50', 'async', 'latency.p50', PALETTE.async, [], 'rect'), line('async p99', 'async', 'latency.p99', PALETTE.async, [6, 4], 'rect')
        ]
      },
      options: { scales: { x: { title: { display: true, text: 'parallel clients (n = ' + settings.n + ')' } }, y: timeAxis() },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + time(ctx.raw) } } } }
    });
    const rows = levels.flatMap(c => ['inline', 'async'].map(p => pick(p, c)).filter(Boolean));
    table('concurrency-table', [C.count('clients', 'concurrency'), C.text('path', 'path'), C.text('scenario', 'scenario'),
      C.count('sent (requests)', 'sent'), C.count('errors', 'errorCount'), ...percentileColumns('latency'), C.num('throughput (per s)', 'throughputPerSecond')],
    rows, { rowAttrs: runId });
    return true;
  }

  /** Floating bars from p50 to p99 on a log axis: the length of a bar means the spread, not a value from zero. */
  function rangeChart(id, runs, labelOf, colorOf, summaryOf) {
    const summary = summaryOf || (r => r.latency);
    chart(id, {
      type: 'bar',
      data: {
        labels: runs.map(r => labelOf(r) + (FL.saturated(r) ? ' ⚠ saturated' : '')),
        datasets: [{ label: 'p50 to p99', data: runs.map(r => [summary(r).p50, summary(r).p99]),
          backgroundColor: runs.map(colorOf), borderColor: PALETTE.phase4, borderWidth: 1, borderSkipped: false }]
      },
      options: {
        indexAxis: 'y',
        scales: { x: timeAxis('latency, p50 (left end) to p99 (right end), log scale') },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: ctx => 'p50 ' + time(ctx.raw[0]) + ', p99 ' + time(ctx.raw[1]) } } }
      }
    });
  }
  const pathColor = r => (r.path === 'inline' ? PALETTE.inline : r.path === 'async' ? PALETTE.async : r.path === 'flask' ? PALETTE.flask
    : r.path === 'express' ? PALETTE.express : r.path === 'submit' ? PALETTE.accepted : PALETTE.phase2);

  function fast() {
    const fastRuns = runsOf('fast').filter(r => r.n === settings.n && r.concurrency === settings.concurrency);
    if (fastRuns.length === 0) return false;
    const runs = seedRuns.concat(fastRuns).filter(r => r.ok > 0);
    rangeChart('chart-fast', runs, r => r.path + ' ' + r.algorithm, pathColor);
    table('fast-table', [C.text('path', 'path'), C.text('algorithm', 'algorithm'), C.count('n', 'n'), C.text('load', 'load', FL.load),
      C.count('sent (requests)', 'sent'), C.count('errors', 'errorCount'), ...percentileColumns('latency'), C.num('throughput (per s)', 'throughputPerSecond')],
    seedRuns.concat(fastRuns), { rowAttrs: runId });
    return true;
  }

  function open() {
    const runs = runsOf('open');
    if (runs.length === 0) return false;
    const datasets = [];
    runs.forEach(r => {
      const color = r.path === 'inline' ? PALETTE.inline : PALETTE.async;
      const tag = FL.saturated(r) ? ' ⚠ saturated' : '';
      datasets.push(curveDataset(r.path + ' from intended send time' + tag, r.latencyCurve, color, [], POINT_STYLES[r.path]));
      datasets.push(curveDataset(r.path + ' from actual send (service time)' + tag, r.serviceTimeCurve, color, [6, 4], POINT_STYLES[r.path]));
    });
    chart('chart-open', {
      type: 'scatter', data: { datasets },
      options: { scales: { x: percentileAxis, y: timeAxis() }, plugins: { tooltip: curveTooltip } }
    });
    const saturated = runs.filter(FL.saturated);
    if (saturated.length > 0) {
      document.getElementById('open-table').appendChild(el('p', { class: 'flag-note' }, '⚠ Saturated: ' + saturated.map(r => r.path
        + ' completed ' + num(r.throughputPerSecond) + '/s of the ' + count(r.ratePerSecond) + '/s offered').join('; ')
        + '. Its latencies are those of a queue that grew for the whole run, not of the offered load.'));
    }
    table('open-table', [C.text('path', 'path'), C.num('offered (per s)', 'ratePerSecond'), C.num('achieved (per s)', 'throughputPerSecond'),
      C.count('max in flight', 'maxInFlight'), C.count('sent (requests)', 'sent'), C.count('ok (requests)', 'ok'), C.count('errors', 'errorCount'),
      C.time('p50 (intended)', 'latency.p50'), C.time('p99 (intended)', 'latency.p99'), C.time('max (intended)', 'latency.max'),
      C.time('p50 (service)', 'serviceTime.p50'), C.time('p99 (service)', 'serviceTime.p99'), C.time('max (service)', 'serviceTime.max')],
    runs, { rowAttrs: runId, flagged: r => r });
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
    const box = document.getElementById('peers-finding');
    const article = scenario.article || {};
    box.appendChild(el('p', {}, 'The article found: ' + article.finding + ' (' + article.setup + ').'));
    if (flask && express && flask.ok > 0 && express.ok > 0) {
      const ratio = scenario.expressOverFlaskThroughput;
      const times = ratio !== undefined ? ', ' + ratio.toFixed(2) + '× Flask\'s throughput' : '';
      box.appendChild(el('p', { class: 'verdict', id: 'peers-ratio', 'data-value': ratio !== undefined ? String(ratio) : null },
        'This machine: Express answered ' + num(express.throughputPerSecond) + '/s against Flask\'s ' + num(flask.throughputPerSecond)
          + '/s' + times + '; p50 ' + time(express.latency.p50) + ' against ' + time(flask.latency.p50) + '.'));
    }
    const ok = runs.filter(r => r.ok > 0);
    chart('chart-peers', {
      type: 'bar',
      data: { labels: ok.map(label), datasets: [{ label: 'throughput (answers or jobs per s)', data: ok.map(r => r.throughputPerSecond),
        backgroundColor: ok.map(pathColor), borderColor: PALETTE.phase4, borderWidth: 1 }] },
      options: { indexAxis: 'y', scales: { x: { beginAtZero: true, title: { display: true, text: 'throughput (per s), from zero' } } },
        plugins: { legend: { display: false }, tooltip: { callbacks: { label: ctx => num(ctx.raw) + ' per s' } } } }
    });
    rangeChart('chart-peers-latency', ok, label, pathColor);
    table('peers-table', [C.text('server', 'label', label), C.text('what serves', 'server', r => r.server || (r.path === 'inline'
      ? 'fiblab: gateway → ApiFunction computes in the request' : 'fiblab: POST /jobs → SQS → WorkerFunction, polled')
      + (target.kind === 'local' ? ' (local stack)' : '')),
      C.text('versions', 'versions', r => r.versions || env.jdk), C.count('n', 'n'), C.text('load', 'load', FL.load),
      C.count('sent (requests)', 'sent'), C.count('ok (requests)', 'ok'), C.count('errors', 'errorCount'), ...percentileColumns('latency'),
      C.num('throughput (per s)', 'throughputPerSecond')], runs, { rowAttrs: runId });
    return true;
  }

  function cost() {
    const c = R.cost;
    if (!c || !c.paths || c.paths.length === 0) {
      document.getElementById('cost-text').appendChild(el('p', { class: 'note' },
        'No cost per million in this results file (it needs the seed scenario and the template).'));
      document.getElementById('cost-assumptions-heading').hidden = true;
      return false;
    }
    const p = c.prices || {};
    const text = document.getElementById('cost-text');
    const b = c.basis || {};
    text.appendChild(el('p', {}, 'What a million requests of each path would cost on AWS in ' + p.region + ', from the durations and counts '
      + 'this run measured (the seed run, n = ' + b.n + ') and the template\'s configuration (' + b.apiFunction + ' ' + count(b.apiMemoryMb) + ' MB, '
      + b.workerFunction + ' ' + count(b.workerMemoryMb) + ' MB, batch size ' + b.batchSize + '). Prices checked ' + p.checked + ', ' + p.note
      + '; ' + p.howObtained + '.'));
    if (target.kind === 'local') {
      text.appendChild(el('p', { class: 'note', id: 'cost-local-caveat' }, 'These durations were measured on the local stack, where DynamoDB '
        + 'and SQS are emulators sharing this machine\'s cores: the submit, poll and worker durations, and so the async path\'s Lambda '
        + 'duration lines, are likely higher than on AWS. Request counts and the per-request prices do not depend on where it ran.'));
    }
    const unitPrice = (v, per) => (v === undefined ? '' : '$' + (v < 0.01 ? String(v) : v.toFixed(3).replace(/0$/, ''))
      + (per === 1 || per === undefined ? '' : ' per ' + count(per)));
    const sources = el('p', { class: 'note' }, 'Sources: ');
    Object.entries(p.prices || {}).forEach(([key, price], i) => {
      if (i > 0) sources.appendChild(document.createTextNode('; '));
      sources.appendChild(document.createTextNode(price.description + ' ' + unitPrice(price.usd, price.per) + ' ' + price.unit + ' ('));
      sources.appendChild(el('a', { href: price.source }, price.source));
      sources.appendChild(document.createTextNode(')'));
    });
    text.appendChild(sources);
    const box = document.getElementById('cost-tables');
    c.paths.forEach(path => {
      box.appendChild(el('h3', {}, path.path + ': per million ' + path.per + 's — ' + usd(path.totalPerMillionUsd)));
      const holder = el('div', { id: 'cost-table-' + path.path });
      box.appendChild(holder);
      const rows = path.lines.concat([{ service: 'total', item: '', unitsPerMillion: null, unit: '', costPerMillionUsd: path.totalPerMillionUsd }]);
      table(holder, [C.text('service', 'service'), C.text('line item', 'item'), C.num('units per million', 'unitsPerMillion'),
        C.text('unit', 'unit'), C.text('unit price (USD)', 'unitPriceUsd', r => unitPrice(r.unitPriceUsd, r.unitPricePer)),
        C.usd('cost per million (USD)', 'costPerMillionUsd')], rows,
      { rowAttrs: r => ({ 'data-run': path.path + ':' + (r.item || 'total') }), label: 'Cost of the ' + path.path + ' path' });
      box.appendChild(el('p', { class: 'note' }, path.dominant));
    });
    const list = document.getElementById('cost-assumptions');
    (c.assumptions || []).forEach(a => list.appendChild(el('li', {}, a)));
    return true;
  }

  /** Which parameter values the worst case stands on, in words. */
  function worstCaseAt(w) {
    const overrides = Object.entries(w.overrides || {});
    return overrides.length === 0 ? 'at ' + w.template + '\'s defaults'
      : 'at ' + w.template + '\'s defaults with -P ' + overrides.map(([k, v]) => k + '=' + v).join(' -P ');
  }

  // The most a deployment of the benchmarked template could spend in an hour: only a local run has a template at hand.
  function worstCase() {
    const w = R.worstCaseSpend;
    const box = document.getElementById('worst-case');
    if (!w) {
      const remote = target.kind === 'url' || target.kind === 'stack';
      box.appendChild(el('p', { class: 'note', id: 'worst-case-absent' }, remote
        ? 'Not computed for this run: it measured ' + (target.kind === 'url' ? 'the API at --url' : 'the stack named by --stack-name')
          + ', whose template was not at hand, so its throttles and reserved concurrency are unknown to the benchmark. The README\'s '
          + '"Deploying to AWS" gives the figure at the template\'s defaults.'
        : 'Not in this results file: it was written before the benchmark recorded the worst case. The README\'s "Deploying to AWS" '
          + 'gives the figure at the template\'s defaults.'));
      return remote; // the page says why a run against AWS has none

    }
    const params = Object.entries(w.parameters || {}).map(([k, v]) => k + ' ' + v).join(', ');
    box.appendChild(el('p', {}, 'The most a deployment of ' + w.template + ' could spend in one hour of sustained abuse, '
      + worstCaseAt(w) + ': ' + usd(w.totalUsdPerHour) + ' an hour at the price file\'s prices for ' + w.region + ', checked ' + w.checked
      + '. Every route at its throttle rate, both functions busy at their reserved concurrency all hour, every job the largest fast one. '
      + 'The parameters it reads: ' + params + '.'));
    if (target.kind === 'local') {
      box.appendChild(el('p', { class: 'note', id: 'worst-case-local' }, 'This run\'s local stack lifted the stage throttles and '
        + 'reserved concurrency for benchmarking (unless -P set them); the figure uses the template\'s own values instead, so it is '
        + 'what a deployment would be held to, not what this run exercised.'));
    }
    const holder = el('div', { id: 'worst-case-table' });
    box.appendChild(holder);
    const rows = (w.items || []).concat([{ service: 'total', item: 'free tiers ignored', unitsPerHour: null, unit: '', usdPerHour: w.totalUsdPerHour }]);
    table(holder, [C.text('service', 'service'), C.text('what', 'item'), C.num('units per hour', 'unitsPerHour'), C.text('unit', 'unit'),
      C.usd('USD per hour', 'usdPerHour')], rows,
    { rowAttrs: r => ({ 'data-row': r.service === 'total' ? 'total' : null }), label: 'Worst-case spend per hour, once deployed' });
    box.appendChild(el('p', { class: 'note' }, 'Not included: ' + (w.notIncluded || []).join('; ') + '. Data transfer out at the worst: '
      + num(w.transferOutGbPerHour) + ' GB an hour, not priced.'));
    return true;
  }

  // ---------- methodology: only what ran ----------
  function methodology() {
    const box = document.getElementById('methodology-text');
    const s = settings;
    const o = R.overhead;
    const paragraphs = [];
    paragraphs.push('Target: ' + (target.description || target.url) + '. Each scenario runs the inline path, then the async path, with the same '
      + 'load shape; the two never run at the same time. Before measuring, ' + count(s.warmupPerPath) + ' inline requests and a fifth as many '
      + 'jobs warm the server up (JIT, connections, worker); they are not recorded.');
    const closedRuns = allRuns.filter(r => r.mode === 'closed' && r.scenario !== 'peers');
    if (closedRuns.length > 0) {
      paragraphs.push('Closed loop: ' + count(s.concurrency) + ' clients each send their next operation when the previous one finished, until '
        + count(s.requests) + ' operations were sent (or a run exceeds ' + count(s.runBudgetSeconds) + ' s). It is the seed experiment\'s shape. It '
        + 'under-samples slow periods (coordinated omission), so the results file also holds a corrected copy of each closed-loop histogram '
        + '(latencyCorrected), back-filled by HdrHistogram at the run\'s mean per-client interval.');
    }
    if (runsOf('open').length > 0) {
      paragraphs.push('Open loop: ' + count(s.openRequests) + ' operations per path scheduled at ' + num(s.openRatePerSecond) + '/s, at most '
        + count(s.openMaxInFlight) + ' in flight; latency is counted from each operation\'s intended send time, so time spent waiting to be sent '
        + 'counts. A run that completed less than 95 % of the offered rate is flagged ⚠ saturated wherever its numbers appear.');
    }
    if (allRuns.some(r => r.path === 'async')) {
      paragraphs.push('Inline latency: request to response of GET /fib/{n}. Async: POST /jobs until 202 (submit → 202), then GET /jobs/{id} every '
        + count(s.pollIntervalMillis) + ' ms (first poll one interval after the 202) until DONE or FAILED, at most ' + count(s.jobTimeoutSeconds)
        + ' s; time to result therefore includes up to one poll interval. Queue wait, compute and write come from the job record '
        + '(startedAt − submittedAt, computeMicros, completedAt − startedAt − compute). Every value is checked against the expected '
        + 'Fibonacci number; a wrong value is an error. Each HTTP request times out after ' + count(s.requestTimeoutSeconds) + ' s (API Gateway\'s limit).');
    }
    paragraphs.push('Every latency is recorded in an HdrHistogram (µs, 3 significant digits). Latency percentiles are of successful operations; '
      + 'errors and timeouts are counted by kind and shown beside them. Throughput is successful operations per second of wall time, '
      + 'first send to last completion; for async it is jobs completed per second.');
    if (runsOf('sweep').length > 0) {
      paragraphs.push('Sweep: n ∈ {' + s.sweepN.join(', ') + '} at ' + s.sweepNConcurrency + ' client(s), and n = ' + s.n
        + ' at {' + (s.sweepConcurrency || []).join(', ') + '} clients; ' + count(s.pointRequests) + ' operations per point, each point '
        + 'stopping new sends after ' + count(s.pointBudgetSeconds) + ' s.');
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
        + 'reached ' + num(o.throughputPerSecond) + ' requests/s at p50 ' + time(o.latency.p50) + ', p99 ' + time(o.latency.p99)
        + '. That is the floor under every number above and the rate beyond which the generator, not the API, would be the limit. '
        + 'The table gives, for every run, the generator\'s own CPU per operation and its share of the machine\'s CPU while the run '
        + 'lasted: the part it took away from the server.');
    }
    paragraphs.forEach(t => box.appendChild(el('p', {}, t)));
    const rows = (o ? [o] : []).concat(allRuns.filter(r => r.clientCpuMicrosPerRequest !== undefined));
    table('overhead-table', [C.text('run', 'id'), C.count('clients', 'concurrency'), C.count('sent (requests)', 'sent'),
      C.time('p50', 'latency.p50'), C.time('p99', 'latency.p99'), C.num('requests (per s)', 'throughputPerSecond'),
      C.num('generator CPU (µs per operation)', 'clientCpuMicrosPerRequest'), C.num('generator CPU (% of machine)', 'clientCpuPercentOfMachine'),
      C.time('correction interval', 'correctionIntervalMillis'), C.time('p99 corrected for coordinated omission', 'latencyCorrected.p99')],
    rows, { rowAttrs: runId, label: 'Load generator: overhead and internals per run' });
  }

  function environment() {
    const rows = [
      ['date', env.date], ['commit', env.commit], ['CPU', env.cpu], ['cores', env.cores], ['JDK', env.jdk], ['OS', env.os],
      ['benchmark heap (MiB)', env.maxHeapMiB], ['target', target.description], ['target kind', target.kind], ['API URL', target.url],
      ['results schema', R.schema]
    ];
    Object.entries(params).sort().forEach(([k, v]) => rows.push(['parameter ' + k, v]));
    table('environment-table', [C.text('what', 'k', r => r[0]), C.text('value', 'v', r => (r[1] === undefined ? '–' : String(r[1])))], rows);
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

  badge();
  headline();
  verdictTable();
  reproduce();
  summary();
  const shown = { costLatency: costLatency(), seed: percentiles(), sweep: crossover(), async: stages(), concurrency: concurrency(), fast: fast(),
    open: open(), peers: peers(), cost: [cost(), worstCase()].some(Boolean) };
  document.querySelectorAll('section[data-needs]').forEach(section => {
    if (!shown[section.getAttribute('data-needs')]) section.hidden = true;
  });
  methodology();
  environment();
  raw();
  // perf.js ran before this file, so every section is settled: the table of contents lists those left visible.
  const toc = document.getElementById('toc');
  document.querySelectorAll('main section:not([hidden])').forEach(section => {
    toc.appendChild(el('a', { href: '#' + section.id }, section.querySelector('h2').textContent.split(':')[0]));
  });
  document.body.setAttribute('data-rendered', 'true');
}());
