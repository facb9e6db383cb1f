// Renders history.html from window.FIBLAB_HISTORY: each kept run's own results.json, oldest first.
(function () {
  'use strict';

  const H = window.FIBLAB_HISTORY || [];
  const FL = window.FL;
  const { PALETTE, POINT_STYLES, el, time, num, C, table, chart, timeAxis } = FL;

  const rows = H.map(h => {
    const R = h.results;
    const env = R.environment || {};
    const target = R.target || {};
    const picks = FL.headlineRuns(R);
    return { h, R, env, target, picks, inline: picks.inline && picks.inline.run, async: picks.async && picks.async.run,
      scenarios: (R.scenarios || []).map(s => s.name).concat(R.coldStart ? ['coldstart'] : []).join(', ') };
  });
  const where = r => (r.target.kind === 'local' ? 'local emulators' : r.target.description || r.target.url) + ' · '
    + (r.env.cpu || '?') + ', ' + r.env.cores + ' cores';
  const shortDate = r => (r.env.date || '').replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, ' UTC');
  const runTable = table('runs-table', [
    C.text('date', 'env.date', shortDate), C.text('commit', 'env.commit'), C.text('target', 'target', where), C.text('scenarios', 'scenarios'),
    C.time('inline p50', 'inline.latency.p50'), C.time('inline p99', 'inline.latency.p99'), C.num('inline (per s)', 'inline.throughputPerSecond'),
    C.time('async p50', 'async.latency.p50'), C.time('async p99', 'async.latency.p99'), C.num('async (jobs per s)', 'async.throughputPerSecond')
  ], rows, { rowAttrs: r => ({ 'data-history-run': r.h.id }), label: 'Every run', flagged: r => (FL.saturated(r.inline) ? r.inline : r.async) });
  if (runTable) {
    runTable.querySelectorAll('tbody tr').forEach((tr, i) => {
      const first = tr.querySelector('td');
      const a = el('a', { href: rows[i].h.href }, first.firstChild.textContent);
      first.replaceChild(a, first.firstChild);
    });
  }

  // a run whose headline comes from a saturated open loop says so on the axis, beside its points
  const saturatedMark = r => ((r.inline && FL.saturated(r.inline)) || (r.async && FL.saturated(r.async)) ? ' ⚠ saturated' : '');
  const labels = rows.map(r => (r.env.date || '').slice(0, 16).replace('T', ' ') + ' · ' + r.env.commit + saturatedMark(r));
  const series = (label, pick, key, color, dash, style) => ({ label, borderColor: color, backgroundColor: color, borderDash: dash,
    pointStyle: style, pointRadius: 5, borderWidth: 2, data: rows.map(r => (r[pick] ? FL.get(r[pick], key) : null)) });
  chart('chart-history-latency', {
    type: 'line',
    data: { labels, datasets: [
      series('inline p50', 'inline', 'latency.p50', PALETTE.inline, [], POINT_STYLES.inline),
      series('inline p99', 'inline', 'latency.p99', PALETTE.inline, [6, 4], POINT_STYLES.inline),
      series('async p50', 'async', 'latency.p50', PALETTE.async, [], POINT_STYLES.async),
      series('async p99', 'async', 'latency.p99', PALETTE.async, [6, 4], POINT_STYLES.async)
    ] },
    options: { scales: { y: timeAxis() }, plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + time(ctx.raw) } } } }
  });
  chart('chart-history-throughput', {
    type: 'line',
    data: { labels, datasets: [
      series('inline (answers per s)', 'inline', 'throughputPerSecond', PALETTE.inline, [], POINT_STYLES.inline),
      series('async (jobs per s)', 'async', 'throughputPerSecond', PALETTE.async, [8, 4], POINT_STYLES.async)
    ] },
    options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'per second, from zero' } } },
      plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + num(ctx.raw) } } } }
  });
  if (rows.length === 0) {
    document.getElementById('runs-table').appendChild(el('p', {}, 'No kept runs yet: run the benchmark.'));
  }
  document.body.setAttribute('data-rendered', 'true');
}());
