// Helpers shared by every page of the report (report.js, perf.js, history.js): one home for the
// formatting, tables, charts, palette and the choice of headline runs. Nothing here is a measurement.
(function () {
  'use strict';

  // palette:start
  // Okabe–Ito, one meaning per colour across the site; SiteBrowser and palette tests read this block.
  // Every pair stays apart by CIEDE2000 ΔE ≥ 10 under deuteranopia and protanopia (Machado 2009, severity 1).
  const PALETTE = {
    inline: '#0072B2',   // inline path (GET /fib/{n})
    async: '#D55E00',    // async path, submit → result
    accepted: '#56B4E9', // async path, submit → 202
    compute: '#009E73',  // compute stage
    flask: '#CC79A7',    // the Flask peer
    express: '#E69F00',  // the Express peer
    queue: '#F0E442',    // queue wait stage
    goal: '#000000',     // goals and limits (drawn dashed)
    phase1: '#E8E8E8',   // phases of a stacked bar, in order, always labelled
    phase2: '#B8B8B8',
    phase3: '#707070',
    phase4: '#303030'
  };
  // palette:end

  const LOCALE = 'en-US';

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== false) e.setAttribute(k, v); });
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function get(obj, key) {
    return key.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
  }
  const missing = v => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));

  // ---------- formatting: three significant figures, thousands separators, units ----------
  function sig3(v) {
    const a = Math.abs(v);
    const digits = a === 0 ? 0 : a < 1 ? 3 : a < 10 ? 2 : a < 100 ? 1 : 0;
    return v.toLocaleString(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  /** A duration given in milliseconds: "0.712 ms", "13.2 ms", "412 ms", "19.6 s", "1,234 s". */
  function time(ms) {
    if (missing(ms)) return '–';
    return Math.abs(ms) >= 1000 ? sig3(ms / 1000) + ' s' : sig3(ms) + ' ms';
  }
  /** A count: "1,000". */
  function count(v) {
    if (missing(v)) return '–';
    return typeof v === 'number' ? v.toLocaleString(LOCALE, { maximumFractionDigits: 0 }) : String(v);
  }
  /** A rate or any measured quantity: three significant figures, "9,518", "12.7". */
  function num(v) {
    if (missing(v)) return '–';
    return typeof v === 'number' ? sig3(v) : String(v);
  }
  function usd(v) {
    if (missing(v)) return '–';
    return '$' + (Math.abs(v) >= 0.1 ? v.toLocaleString(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : Math.abs(v) >= 0.001 ? v.toFixed(4) : v.toPrecision(3));
  }
  function percent(share) {
    return missing(share) ? '–' : sig3(share * 100) + ' %';
  }

  // ---------- runs ----------
  /**
   * An open loop, or an overload step, that completed less than 95 % of its offered rate (results.json
   * says so from schema 2; schema-1 open loops are judged from their rates).
   */
  function saturated(run) {
    if (!run) return false;
    if (run.saturated !== undefined && run.saturated !== null) return run.saturated === true;
    if (run.mode !== 'open') return false;
    return run.ratePerSecond > 0 && run.throughputPerSecond < 0.95 * run.ratePerSecond;
  }
  function load(run) {
    if (!run) return '–';
    if (run.mode === 'open') return count(run.ratePerSecond) + '/s offered (open loop)';
    return (run.concurrency || run.clients || '?') + ' clients (closed loop)';
  }
  /** The flag a saturated run carries wherever its numbers appear. */
  function flag(run) {
    if (!saturated(run)) return null;
    const share = run.achievedShareOfOffered;
    return el('span', { class: 'flag saturated', title: 'Saturated: the server completed '
      + (share !== undefined ? percent(share) : 'less than 95 %') + ' of the offered rate, so the latencies are those of a queue that kept growing.' },
    '⚠ saturated' + (share !== undefined ? ' (' + percent(share) + ' of offered)' : ''));
  }

  /**
   * The runs the headline and the verdict table stand on. For each path, among the closed-loop runs at
   * the seed's n and clients, the best-warmed one: a run after a timed warm-up (the throughput
   * scenario's) beats one after a counted warm-up (the seed's). Each choice says why.
   */
  function headlineRuns(R) {
    const scenarios = R.scenarios || [];
    const all = scenarios.flatMap(s => (s.runs || []).map(r => ({ run: r, scenario: s })));
    const settings = R.settings || {};
    const seed = all.filter(x => x.run.scenario === 'seed');
    const find = (list, path, algorithm) => list.find(x => x.run.path === path && (!algorithm || x.run.algorithm === algorithm));
    const warmupOf = x => {
      const s = x.scenario.settings || {};
      if (x.run.scenario === 'throughput') {
        return s.pathWarmupSeconds > 0
          ? { rank: 2, text: count(s.pathWarmupSeconds) + ' s of the same load first (timed warm-up), after every earlier scenario' }
          : { rank: 1, text: 'no warm-up of its own (0 s), after every earlier scenario' };
      }
      const requests = x.run.warmupPerPath !== undefined ? x.run.warmupPerPath : settings.warmupPerPath;
      return { rank: 1, text: count(requests) + ' warm-up requests per path' + (x.run.path === 'async' ? ' (a fifth as jobs)' : '') };
    };
    const pick = (path, algorithm, scenarioNames) => {
      const candidates = all.filter(x => scenarioNames.includes(x.run.scenario) && x.run.path === path
        && x.run.mode === 'closed' && (!algorithm || x.run.algorithm === algorithm)
        && x.run.n === settings.n && x.run.concurrency === settings.concurrency && x.run.ok > 0);
      if (candidates.length === 0) return null;
      const ranked = candidates.map(x => ({ x, w: warmupOf(x) })).sort((a, b) => b.w.rank - a.w.rank);
      const best = ranked[0];
      return { run: best.x.run, warmup: best.w.text, others: ranked.slice(1).map(o => ({ run: o.x.run, warmup: o.w.text })) };
    };
    const open = all.filter(x => x.run.scenario === 'open');
    const openPick = path => {
      const x = find(open, path, 'naive');
      return x && x.run.ok > 0 ? { run: x.run, warmup: warmupOf(x).text, others: [] } : null;
    };
    const inline = pick('inline', 'naive', ['seed', 'throughput']) || (seed.length ? null : openPick('inline'));
    const async = pick('async', 'naive', ['seed']) || (seed.length ? null : openPick('async'));
    return {
      inline, async,
      fast: pick('inline', 'fast', ['fast']),
      fastAsync: pick('async', 'fast', ['fast']),
      flask: pick('flask', null, ['peers']),
      express: pick('express', null, ['peers'])
    };
  }

  // ---------- tables ----------
  // A column: {label (with its unit), key (dotted path), kind: time|count|num|usd|text|pct, value(row) optional}
  const C = {
    time: (label, key, value) => ({ label, key, kind: 'time', value }),
    count: (label, key, value) => ({ label, key, kind: 'count', value }),
    num: (label, key, value) => ({ label, key, kind: 'num', value }),
    usd: (label, key, value) => ({ label, key, kind: 'usd', value }),
    pct: (label, key, value) => ({ label, key, kind: 'pct', value }),
    text: (label, key, value) => ({ label, key, kind: 'text', value })
  };
  const FORMAT = { time, count, num, usd, pct: percent, text: v => (missing(v) ? '–' : String(v)) };
  function emptySummary(row, key) {
    const parts = key.split('.');
    if (parts.length < 2) return false;
    const summary = get(row, parts.slice(0, -1).join('.'));
    return summary !== null && typeof summary === 'object' && summary.count === 0;
  }
  /**
   * A table inside a focusable scroll region (keyboard users can scroll it; the first column sticks on
   * narrow screens). Each cell holds the raw number in data-value beside its formatted text.
   * options: {rowAttrs(row) → attributes, label: the region's name, flagged(row) → run whose flag to show}
   */
  function table(containerOrId, columns, rows, options) {
    const container = typeof containerOrId === 'string' ? document.getElementById(containerOrId) : containerOrId;
    if (!container) return null;
    const opts = options || {};
    // A row that is a run carries its saturation flag unless the caller says which run a row stands for.
    const flaggedOf = opts.flagged || (row => (row && row.mode ? row : null));
    const region = el('div', { class: 'scroll', tabindex: '0', role: 'region',
      'aria-label': opts.label || (container.closest('section') ? container.closest('section').querySelector('h2').textContent + ' (table)' : 'table') });
    const t = el('table');
    const head = el('tr');
    columns.forEach(c => head.appendChild(el('th', { scope: 'col', class: c.kind === 'text' ? 'text' : null }, c.label)));
    t.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    rows.forEach(row => {
      const tr = el('tr', opts.rowAttrs ? opts.rowAttrs(row) : {});
      columns.forEach((c, i) => {
        let raw = c.value ? c.value(row) : get(row, c.key);
        // A percentile of nothing is not 0 ms: runs without a single success show a dash.
        if (c.kind === 'time' && !c.value && emptySummary(row, c.key)) raw = null;
        const numeric = c.kind !== 'text' && typeof raw === 'number';
        const td = el('td', {
          class: c.kind === 'text' ? 'text' : null,
          'data-key': c.key,
          'data-kind': c.kind,
          'data-value': numeric ? String(raw) : null
        }, FORMAT[c.kind](raw));
        if (c.key === 'errorCount' && raw > 0) td.classList.add('bad');
        if (i === 0) {
          const f = flag(flaggedOf(row));
          if (f) { td.appendChild(document.createTextNode(' ')); td.appendChild(f); }
        }
        tr.appendChild(td);
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    region.appendChild(t);
    container.appendChild(region);
    return t;
  }
  const percentileColumns = prefix => [
    C.time('p50', prefix + '.p50'), C.time('p90', prefix + '.p90'), C.time('p99', prefix + '.p99'),
    C.time('p99.9', prefix + '.p999'), C.time('max', prefix + '.max')
  ];

  // ---------- charts ----------
  function setUpCharts() {
    if (!window.Chart) return;
    Chart.defaults.animation = false;
    Chart.defaults.maintainAspectRatio = false;
    Chart.defaults.font.family = 'system-ui, sans-serif';
    Chart.defaults.color = '#1d232b';
    // Tooltips for the nearest point wherever the pointer is, not only on top of a 3-px dot.
    Chart.defaults.interaction.mode = 'nearest';
    Chart.defaults.interaction.intersect = false;
    Chart.defaults.plugins.legend.labels.usePointStyle = true;
    Chart.defaults.plugins.legend.labels.boxHeight = 8;
    Chart.defaults.plugins.legend.labels.pointStyleWidth = 14;
  }
  setUpCharts();
  function chart(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart) return null;
    canvas.setAttribute('role', 'img');
    // Per chart as well as in the defaults: scatter charts bring their own 'point' interaction, which
    // shows a tooltip only with the pointer right on a point.
    config.options = config.options || {};
    config.options.interaction = Object.assign({ mode: 'nearest', intersect: false }, config.options.interaction);
    return new Chart(canvas, config);
  }
  /** A log time axis whose ticks are 1, 2 and 5 of each decade, written as durations. */
  function timeAxis(text, extra) {
    return Object.assign({
      type: 'logarithmic', title: { display: true, text: text || 'latency (log scale)' },
      ticks: {
        autoSkip: false,
        callback: value => {
          const mantissa = value / Math.pow(10, Math.floor(Math.log10(value) + 1e-9));
          return [1, 2, 5].some(m => Math.abs(mantissa - m) < 1e-6) ? time(value) : null;
        }
      }
    }, extra || {});
  }
  /**
   * A dashed horizontal goal or limit line across a category or linear chart. Its value is a constant or
   * computed from results.json (a goal times a measured limit), so it is marked derived: the browser test
   * checks every other chart value against results.json.
   */
  function goalLine(label, value, xs) {
    return {
      type: 'line', label, derived: true, data: xs.map(x => ({ x, y: value })), borderColor: PALETTE.goal, backgroundColor: PALETTE.goal,
      borderDash: [6, 4], borderWidth: 2, pointRadius: 0, pointStyle: 'line', fill: false, order: -1
    };
  }
  /** A paragraph of text appended to the element with that id. */
  function paragraph(containerId, text, cls) {
    const p = el('p', { class: cls }, text);
    document.getElementById(containerId).appendChild(p);
    return p;
  }
  const POINT_STYLES = { inline: 'circle', async: 'rect', accepted: 'triangle', flask: 'rectRot', express: 'star', compute: 'crossRot' };

  window.FL = { PALETTE, POINT_STYLES, el, get, time, count, num, usd, percent, saturated, load, flag, headlineRuns,
    C, table, percentileColumns, chart, timeAxis, goalLine, paragraph };
}());
