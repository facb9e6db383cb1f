// Renders the "Overload" section from window.FIBLAB_RESULTS: the overload steps of both paths, the
// polling policies, the queueing model's validation and its AWS-scale projection. Every number and
// every sentence's figures come from results.json. Loaded after common.js, before report.js.
(function () {
  'use strict';

  const R = window.FIBLAB_RESULTS;
  const FL = window.FL;
  if (!R || !FL) return;
  const { PALETTE, POINT_STYLES, el, time, count, num, usd, percent, C, table, chart, timeAxis, goalLine, paragraph } = FL;

  const scenarios = R.scenarios || [];
  const overload = (scenarios.find(s => s.overload) || {}).overload;
  const polling = (scenarios.find(s => s.polling) || {}).polling;
  const SATURATED_BELOW = 0.95;
  /** How long a runner reads the records of jobs its client gave up on (OverloadRunner.STORED_LIMIT). */
  const STORED_READ_SECONDS = 180;
  const DASHES = [[], [8, 4], [2, 3], [12, 3, 2, 3], [4, 4], [1, 2]];
  const x = m => num(m) + '×';
  const stepLabel = s => s.path + ' ' + x(s.multiple);
  const stepsOf = path => ((overload || {}).steps || []).filter(s => s.path === path).sort((a, b) => a.multiple - b.multiple);
  const ERROR_KINDS = [
    ['throttled429', '429 throttled', PALETTE.phase1],
    ['serverError500', '500 (Lambda throttle)', PALETTE.phase2],
    ['unavailable503', '503 unavailable', PALETTE.phase3],
    ['timeout', 'timeout (504 or patience)', PALETTE.phase4],
    ['wrongOrFailed', 'wrong value or FAILED', PALETTE.goal],
    ['other', 'other', PALETTE.queue]
  ];
  const errorsText = e => {
    const parts = ERROR_KINDS.filter(([k]) => e && e[k] > 0).map(([k, label]) => label + ': ' + count(e[k]));
    return parts.length ? parts.join(', ') : 'none';
  };
  const errorTotal = e => ERROR_KINDS.reduce((sum, [k]) => sum + ((e && e[k]) || 0), 0);

  /** The first step (by multiple) at which a path delivered less than 95 % of what was offered, in words. */
  function stopsDelivering(path, capacity, unit) {
    const steps = stepsOf(path);
    if (steps.length === 0) return null;
    const n = overload.n;
    const first = steps.find(s => FL.saturated(s));
    const probes = steps.map(s => (s.capacityPerSecond === undefined || s.capacityPerSecond === null ? capacity : s.capacityPerSecond));
    const low = Math.min(...probes);
    const high = Math.max(...probes);
    const capacityText = path + ' path, fib(' + n + '): capacity ' + (high - low < 0.005 * high
      ? num(low) + ' ' + unit + ' as measured before the steps. '
      : 'probed just before each step, ' + num(low) + '–' + num(high) + ' ' + unit + '; each step\'s multiple is of its own probe. ');
    if (!first) {
      const last = steps[steps.length - 1];
      return capacityText + 'It kept up at every load offered, up to ' + x(last.multiple) + ' (' + num(last.offeredPerSecond)
        + '/s): at least ' + percent(Math.min(...steps.map(s => s.achievedShareOfOffered))) + ' of the offered rate delivered.';
    }
    const kept = steps.filter(s => s.multiple < first.multiple && !FL.saturated(s));
    const errors = errorTotal(first.errors);
    return capacityText + 'It stops delivering at ' + x(first.multiple) + ' (' + num(first.offeredPerSecond) + '/s offered): '
      + percent(first.achievedShareOfOffered) + ' of the offered rate delivered, p99 ' + time(first.p99Millis)
      + (errors > 0 ? ', ' + count(errors) + ' of ' + count(first.sent) + ' failed (' + errorsText(first.errors) + ')' : ', no request failed')
      + (path === 'async' ? ', a backlog of up to ' + count(first.peakBacklog) + ' jobs that took ' + (cutShort(first) ? 'more than ' : '')
        + num(first.drainSeconds) + ' s to drain after the load' : '')
      + '.' + (kept.length ? ' Below that (' + kept.map(s => x(s.multiple)).join(', ') + ') it kept up.' : '');
  }

  function goodputChart() {
    const datasets = ['inline', 'async'].map(path => ({
      type: 'line', label: path + ': delivered share of offered', borderColor: PALETTE[path], backgroundColor: PALETTE[path],
      pointStyle: POINT_STYLES[path], pointRadius: 5, borderWidth: 2, borderDash: path === 'async' ? [8, 4] : [],
      data: stepsOf(path).map(s => ({ x: s.multiple, y: s.achievedShareOfOffered, step: s }))
    }));
    const multiples = ((overload || {}).steps || []).map(s => s.multiple);
    datasets.push(Object.assign(goalLine('saturated below ' + percent(SATURATED_BELOW), SATURATED_BELOW,
      [Math.min(...multiples), Math.max(...multiples)]), { type: 'scatter', showLine: true }));
    chart('chart-overload-goodput', {
      type: 'scatter', data: { datasets },
      options: {
        scales: {
          x: { type: 'linear', title: { display: true, text: 'offered load, multiple of the path\'s measured capacity' }, ticks: { callback: v => x(v) } },
          y: { beginAtZero: true, title: { display: true, text: 'delivered share of the offered rate' }, ticks: { callback: v => percent(v) } }
        },
        plugins: { tooltip: { callbacks: { label: ctx => (ctx.raw.step ? stepLabel(ctx.raw.step) + ': ' + percent(ctx.raw.y) + ' of '
          + num(ctx.raw.step.offeredPerSecond) + '/s offered' + (FL.saturated(ctx.raw.step) ? ' (⚠ saturated)' : '') : ctx.dataset.label) } } }
      }
    });
  }

  function errorsChart() {
    const steps = overload.steps;
    const failed = steps.reduce((sum, s) => sum + errorTotal(s.errors), 0);
    paragraph('overload-errors-text', failed === 0
      ? 'No request or job failed in any step: every one was answered right within the client\'s patience, however late.'
      : count(failed) + ' requests or jobs failed across the steps, by kind below.', 'note');
    chart('chart-overload-errors', {
      type: 'bar',
      data: {
        labels: steps.map(s => stepLabel(s) + (FL.saturated(s) ? ' ⚠ saturated' : '')),
        datasets: ERROR_KINDS.map(([k, label, color]) => ({ label, backgroundColor: color, borderColor: PALETTE.phase4, borderWidth: 1,
          data: steps.map(s => (s.errors || {})[k] || 0) }))
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, title: { display: true, text: 'failed requests or jobs (count)' } },
        y: { stacked: true } }, plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + count(ctx.raw) } } } }
    });
  }

  function timelineChart(path) {
    const steps = stepsOf(path);
    const datasets = steps.map((s, i) => ({
      label: x(s.multiple) + ' (' + num(s.offeredPerSecond) + '/s)' + (FL.saturated(s) ? ' ⚠ saturated' : ''),
      borderColor: PALETTE[path], backgroundColor: PALETTE[path], borderDash: DASHES[i % DASHES.length], borderWidth: 2,
      pointStyle: POINT_STYLES[path], pointRadius: 3, showLine: true, spanGaps: false,
      data: (s.timeline || []).map(t => ({ x: t.second, y: t.p99Millis === undefined ? null : t.p99Millis, answered: t.answered }))
    }));
    const seconds = overload.stepSeconds;
    const ys = steps.flatMap(s => (s.timeline || []).map(t => t.p99Millis)).filter(v => v > 0);
    if (ys.length) {
      datasets.push({ label: 'load stops (' + num(seconds) + ' s)', derived: true, data: [{ x: seconds, y: Math.min(...ys) }, { x: seconds, y: Math.max(...ys) }],
        borderColor: PALETTE.goal, borderDash: [2, 2], showLine: true, pointRadius: 0, borderWidth: 1.5, pointStyle: 'line' });
    }
    chart('chart-overload-timeline-' + path, {
      type: 'scatter', data: { datasets },
      options: {
        scales: { x: { type: 'linear', beginAtZero: true, title: { display: true, text: 'second of the step (intended send)' } },
          y: timeAxis('p99 (log scale)') },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': second ' + ctx.raw.x + ', p99 ' + time(ctx.raw.y)
          + (ctx.raw.answered !== undefined ? ' (' + count(ctx.raw.answered) + ' answered)' : '') } } }
      }
    });
  }

  /** An async step whose runner stopped reading before every accepted job was stored: its drain is a lower bound. */
  const cutShort = s => (s.unstoredJobs || 0) > 0;
  /** Whether a step recorded if its drain was whole (files before 2026-12-02 did not). */
  const drainKnown = s => s.unstoredJobs !== undefined && s.unstoredJobs !== null;
  /** Files before 2026-12-02 gave goodput per second of the offered time, later ones from the first answer to the 99th-percentile one. */
  const deliveryRate = () => (overload.steps || []).some(s => s.capacityPerSecond !== undefined && s.capacityPerSecond !== null);
  const goodputLabel = () => (deliveryRate() ? 'first to 99th-pct answer' : 'over the offered time');

  function backlogChart() {
    const steps = stepsOf('async');
    const short = steps.filter(cutShort);
    if (steps.length && steps.every(drainKnown)) paragraph('overload-drain-text', 'The drain runs from the end of the step\'s load until the last accepted job was stored, jobs the '
      + 'client gave up on included (their records are read after the step, for at most ' + num(STORED_READ_SECONDS) + ' s). '
      + (short.length === 0 ? 'Every accepted job was stored within that.'
        : short.map(s => x(s.multiple) + ': ' + count(s.unstoredJobs) + ' jobs still not stored, so its drain of '
          + num(s.drainSeconds) + ' s is a lower bound').join('; ') + '.'), short.length ? 'flag-note' : 'note');
    chart('chart-overload-backlog', {
      type: 'bar',
      data: {
        labels: steps.map(s => x(s.multiple) + (FL.saturated(s) ? ' ⚠ saturated' : '')),
        datasets: [
          { label: 'peak backlog (jobs accepted, not yet done)', backgroundColor: PALETTE.queue, borderColor: PALETTE.phase4, borderWidth: 1,
            data: steps.map(s => s.peakBacklog), yAxisID: 'y' },
          { type: 'line', label: 'time to drain after the load (s)', borderColor: PALETTE.async, backgroundColor: PALETTE.async,
            pointStyle: POINT_STYLES.async, pointRadius: 5, borderDash: [8, 4], data: steps.map(s => s.drainSeconds), yAxisID: 'drain' }
        ]
      },
      options: {
        scales: { y: { beginAtZero: true, title: { display: true, text: 'peak backlog (jobs)' } },
          drain: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false }, title: { display: true, text: 'drain (s)' } } },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + num(ctx.raw) } } }
      }
    });
  }

  /** Jobs waiting at each second of each async step: the backlog building under the load and draining after it. */
  function backlogOverTimeChart() {
    const steps = stepsOf('async').filter(s => Array.isArray(s.backlogBySecond) && s.backlogBySecond.length > 0);
    const canvas = document.getElementById('chart-overload-backlog-time');
    if (steps.length === 0) {
      canvas.parentElement.hidden = true;
      return;
    }
    const datasets = steps.map((s, i) => ({
      label: 'async ' + x(s.multiple) + ' (' + num(s.offeredPerSecond) + '/s)' + (FL.saturated(s) ? ' ⚠ saturated' : ''),
      borderColor: PALETTE.async, backgroundColor: PALETTE.async, borderDash: DASHES[i % DASHES.length], borderWidth: 2,
      pointRadius: 0, showLine: true, data: s.backlogBySecond.map((jobs, second) => ({ x: second, y: jobs }))
    }));
    const top = Math.max(...steps.flatMap(s => s.backlogBySecond));
    datasets.push({ label: 'load stops (' + num(overload.stepSeconds) + ' s)', data: [{ x: overload.stepSeconds, y: 0 },
      { x: overload.stepSeconds, y: top }], borderColor: PALETTE.goal, borderDash: [2, 2], showLine: true, pointRadius: 0,
      borderWidth: 1.5, pointStyle: 'line' });
    chart('chart-overload-backlog-time', {
      type: 'scatter', data: { datasets },
      options: {
        scales: { x: { type: 'linear', beginAtZero: true, title: { display: true, text: 'second of the step (load, then drain)' } },
          y: { beginAtZero: true, title: { display: true, text: 'jobs waiting (most in the second)' } } },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': second ' + ctx.raw.x + ', ' + count(ctx.raw.y) + ' jobs' } } }
      }
    });
  }

  function stepsTable() {
    table('overload-table', [
      C.text('step', 'label', stepLabel), C.num('capacity probed before it (per s)', 'capacityPerSecond'),
      C.num('offered (per s)', 'offeredPerSecond'), C.count('sent', 'sent'),
      C.count('goodput (right, within patience)', 'goodput'), C.num('goodput per s (' + goodputLabel() + ')', 'goodputPerSecond'),
      C.pct('delivered share of offered', 'achievedShareOfOffered'),
      C.text('errors by kind', 'errorsByKind', s => errorsText(s.errors)),
      C.time('p50', 'p50Millis'), C.time('p99', 'p99Millis'), C.count('peak backlog (jobs)', 'peakBacklog'),
      C.num('drain after load (s)', 'drainSeconds'), C.count('jobs not stored when reading stopped', 'unstoredJobs'),
      C.num('API requests per job', 'apiRequestsPerJob')
    ], overload.steps, { rowAttrs: s => ({ 'data-step': s.path + '@' + s.multiple }), flagged: s => s,
      label: 'Overload steps: one row per path and multiple' });
  }

  function pollingTable() {
    if (!polling) return;
    paragraph('overload-polling', 'The same jobs (' + count(polling.jobs) + ' per policy, ' + num(polling.ratePerSecond)
      + ' per second) polled by clients with different policies, one policy after the other, patience ' + num(polling.patienceSeconds)
      + ' s. Time to result is submit to the poll that saw DONE; each poll is one API request, one ApiFunction invocation and one '
      + 'GetItem, priced per million jobs at the dated AWS prices (the poll\'s Lambda duration is left out). Policies ran one after '
      + 'another, so load drift between them moves their times; requests per job are robust to it.');
    const rows = polling.rows || [];
    const best = rows.filter(r => r.honoursRetryAfter);
    const fastest = rows.slice().sort((a, b) => a.requestsPerJob - b.requestsPerJob).pop();
    if (best.length && fastest && !fastest.honoursRetryAfter) {
      paragraph('overload-polling', best.map(r => 'n = ' + r.n + ': the client that honours Retry-After made '
        + num(r.requestsPerJob) + ' API requests per job (polls ' + usd(r.pollCostPerMillionJobsUsd) + ' per million jobs), result p50 '
        + time(r.p50Millis)).join('; ') + '; the most requests per job were ' + num(fastest.requestsPerJob) + ' (' + fastest.policy
        + ', n = ' + fastest.n + ', result p50 ' + time(fastest.p50Millis) + ').', 'verdict-small');
    }
    table('overload-polling', [
      C.count('n', 'n'), C.text('policy', 'policy'), C.text('honours Retry-After', 'honoursRetryAfter', r => (r.honoursRetryAfter ? 'yes' : 'no')),
      C.count('jobs', 'jobs'), C.count('done', 'done'), C.time('time to result p50', 'p50Millis'), C.time('time to result p99', 'p99Millis'),
      C.num('API requests per job', 'requestsPerJob'), C.usd('polls per million jobs ($)', 'pollCostPerMillionJobsUsd')
    ], rows, { rowAttrs: r => ({ 'data-policy': r.n + ':' + r.policy }), label: 'Polling policies: one row per n and policy' });
  }

  function validationTable() {
    const v = overload.validation;
    if (!v) return;
    const over = (v.rows || []).filter(r => !r.withinTolerance);
    paragraph('overload-validation', 'The queueing model, given this stack\'s limits (' + count(v.cores) + ' cores shared by everything, '
      + 'ApiFunction concurrency ' + count(v.apiConcurrency) + ', ' + count(v.workerBatches) + ' worker batches of ' + count(v.batchSize)
      + ') and calibrated on this run (fib alone ' + time(v.meanComputeMillis) + ', CPU per inline request at capacity '
      + time(v.inlineWorkMillis) + ', per-job async overhead ' + time(v.asyncPerJobOverheadMillis) + '), predicted each measured step. '
      + 'The goal is every prediction within ' + percent(v.tolerance) + ' of measurement: p50, p99 and goodput per second ('
      + (deliveryRate() ? 'right answers within patience over the time from the first of them seen to the 99th-percentile one'
        : 'right answers within patience per second of the offered time, as files before 2026-12-02 gave it')
      + ') of every step. An error is (model − measured) / measured: +20 % means the model said 20 % more than was measured.');
    paragraph('overload-validation', over.length === 0
      ? 'Every step was predicted within ' + percent(v.tolerance) + '.'
      : 'Goal not met: ' + count(over.length) + ' of ' + count(v.rows.length) + ' steps were predicted worse than ' + percent(v.tolerance)
        + ' (flagged ⚠ below); worst error ' + (v.worstError === undefined ? 'undefined (a measured value was 0)' : percent(v.worstError))
        + '. The projection below rests on this model: read it with that error in mind.', over.length ? 'flag-note' : 'verdict-small');
    if (v.figuresWithin !== undefined && v.figuresWithin !== null && v.repeatability) {
      const spreads = Object.keys(v.repeatability).sort().map(path => path + ' ±' + percent(v.repeatability[path]));
      const figures = v.figures;
      const repeat = paragraph('overload-validation', count(v.figuresWithin) + ' of ' + count(figures)
        + ' figures (p50, p99 and goodput of each step) are within ' + percent(v.tolerance) + ' of the model at the capacity probed just before the step. '
        + 'That capacity is itself a measurement: neighbouring probes of a path differed by a median of ' + spreads.join(', ')
        + ' in this run, and near 1× a few per cent decide between no queue and a growing one. Over that range of capacities, '
        + count(v.figuresWithinRepeatability) + ' of ' + count(figures) + ' figures come within ' + percent(v.tolerance)
        + ' of the model. This is context for the verdict above, not a different goal.', 'verdict-small');
      if (repeat) repeat.id = 'validation-repeatability';
    }
    const err = key => r => r[key];
    table('overload-validation', [
      C.text('step', 'label', r => r.path + ' ' + x(r.multiple) + (r.withinTolerance ? '' : ' ⚠ over ' + percent(v.tolerance))),
      C.num('offered (per s)', 'offeredPerSecond'),
      C.time('p50 measured', 'measuredP50Millis'), C.time('p50 model', 'predictedP50Millis'), C.pct('p50 error', 'p50Error', err('p50Error')),
      C.time('p99 measured', 'measuredP99Millis'), C.time('p99 model', 'predictedP99Millis'), C.pct('p99 error', 'p99Error', err('p99Error')),
      C.num('goodput measured (per s, ' + goodputLabel() + ')', 'measuredGoodputPerSecond'),
      C.num('goodput model (per s, ' + goodputLabel() + ')', 'predictedGoodputPerSecond'),
      C.pct('goodput error', 'goodputError', err('goodputError'))
    ], v.rows || [], { rowAttrs: r => ({ 'data-validation': r.path + '@' + r.multiple, 'data-within': String(r.withinTolerance) }),
      // the measured numbers of a saturated step carry its flag here too
      flagged: r => overload.steps.find(s => s.path === r.path && s.multiple === r.multiple),
      label: 'Model validation: predicted beside measured' });
  }

  /**
   * The async steps' queue, predicted beside measured: peak backlog and drain. They are not in the
   * validation's goal (p50, p99, goodput) but say whether the model drains at the rate the stack did,
   * apart from when the polling client sees each result.
   */
  function validationQueueTable() {
    const v = overload.validation;
    if (!v) return;
    const rows = (v.rows || []).filter(r => r.predictedPeakBacklog !== undefined && r.predictedPeakBacklog !== null)
      .map(r => {
        const s = overload.steps.find(st => st.path === r.path && st.multiple === r.multiple) || {};
        return Object.assign({}, r, { measuredPeakBacklog: s.peakBacklog, measuredDrainSeconds: s.drainSeconds, cutShort: cutShort(s),
          drainKnown: drainKnown(s) });
      });
    if (rows.length === 0) return;
    paragraph('overload-validation-queue', 'Measured: the most jobs accepted and not yet stored, and from the end of the load until '
      + 'the last job was stored, jobs the client gave up on included (their records are read after the step). '
      + 'An error is blank where the measured backlog or drain is too small for a relative error to mean anything.');
    table('overload-validation-queue', [
      C.text('step', 'label', r => r.path + ' ' + x(r.multiple)),
      C.count('peak backlog measured', 'measuredPeakBacklog'), C.count('peak backlog model', 'predictedPeakBacklog'),
      C.pct('backlog error', 'backlogError'),
      C.num('drain measured (s)', 'measuredDrainSeconds'),
      C.text('measured drain', 'drainBound', r => (r.drainKnown ? (r.cutShort ? 'a lower bound' : 'whole') : null)),
      C.num('drain model (s)', 'predictedDrainSeconds'),
      C.pct('drain error', 'drainError')
    ], rows, { rowAttrs: r => ({ 'data-validation-queue': r.path + '@' + r.multiple }),
      flagged: r => overload.steps.find(s => s.path === r.path && s.multiple === r.multiple),
      label: 'Model validation: the async queue, predicted beside measured' });
  }

  /** For one n and path: the lowest projected load at which it delivers less than 95 % of what is offered, and what binds. */
  function projectedStop(rows, n, path) {
    const mine = rows.filter(r => r.n === n && r.path === path).sort((a, b) => a.offeredPerSecond - b.offeredPerSecond);
    const stop = mine.find(r => r.goodputPerSecond < SATURATED_BELOW * r.offeredPerSecond);
    if (!stop) {
      return path + ' delivers at every projected load up to ' + count(mine.length ? mine[mine.length - 1].offeredPerSecond : 0) + '/s';
    }
    return path + ' stops delivering at ' + count(stop.offeredPerSecond) + '/s offered (goodput ' + num(stop.goodputPerSecond)
      + '/s, p99 ' + time(stop.p99Millis) + '): ' + stop.bindingDescription;
  }

  /**
   * The projection models the template with its deploy limits raised to the account's quotas (as the
   * benchmark runs it); a stack deployed with the template's defaults is bounded by those limits first.
   */
  function deployLimitsText() {
    const base = 'The projection models the template with its deploy limits raised to the account\'s quotas, as the benchmark '
      + 'runs it: no reserved concurrency for the API function, the worker\'s MaximumConcurrency 10, batches of 5, stage throttles '
      + 'at the account\'s. ';
    const v = (R.worstCaseSpend || {}).parameters;
    if (!v) return base + 'A stack deployed with the template\'s default deploy limits is bounded by them long before any quota below.';
    const burst = b => (b === undefined || b === null ? '' : ' (burst ' + b + ')');
    return base + 'Deployed with the template\'s defaults, the stack is bounded long before any quota below: GET /fib is throttled above '
      + v.InlineRateLimit + ' requests/s' + burst(v.InlineBurstLimit) + ', POST /jobs above ' + v.SubmitRateLimit + '/s'
      + burst(v.SubmitBurstLimit) + ', the API function runs at most ' + v.ApiReservedConcurrency + ' at once and the worker '
      + v.WorkerReservedConcurrency + '; raise them with sam deploy --parameter-overrides to reach the loads projected here.';
  }

  function projection() {
    const p = overload.projection;
    if (!p || !overload.validation) return;
    const box = document.getElementById('overload-projection');
    box.appendChild(el('p', { class: 'flag-note', id: 'projection-model-label' }, 'MODEL, not a measurement: a queueing model of both paths '
      + 'on AWS (' + p.region + '), fed by the compute times measured on this machine, the dated quotas below and the template\'s settings; '
      + 'gateway time ' + time(p.gatewayMillis) + ' and a ' + time(p.coldStartMillis) + ' cold start are inputs, not AWS figures. '
      + num(p.simulatedSeconds) + ' s of load simulated per point. Its validation against this run is above, and covers what could be '
      + 'measured here: the queueing of both paths with the local stack\'s limits and its CPU shared by everything. The AWS limits that bind '
      + 'below (API Gateway\'s throttle, Lambda\'s concurrency and scaling, the SQS event source\'s scaling) were not measured here: they '
      + 'enter as the dated values listed under the table.'));
    box.appendChild(el('p', { class: 'note', id: 'projection-columns' }, 'Throttled: the share of offered requests or jobs refused, by '
      + 'API Gateway\'s throttle or (inline) a concurrency limit. Async clients poll each second until they see their result, and those '
      + 'polls count against the same throttle as the submits: the model gives the polls of admitted jobs their share first and refuses '
      + 'the submits that do not fit (on AWS polls would be refused too, and clients would see results later). Goodput is right answers '
      + 'within the client\'s patience per second, from the first seen to the 99th-percentile one. Peak backlog: async, jobs waiting in the '
      + 'queue; inline, requests in flight (an inline path has no drain). An inline p99 of about the cold start is the share of '
      + 'requests that started a new execution environment while Lambda scaled (over 1 % of them at those loads). Cost per hour '
      + 'bills the requests and jobs let in, their polls included.'));
    box.appendChild(el('p', { class: 'note', id: 'projection-deploy-limits' }, deployLimitsText()));
    const rows = p.rows || [];
    const ns = [...new Set(rows.map(r => r.n))].sort((a, b) => a - b);
    const list = el('ul', { id: 'projection-stops' });
    ns.forEach(n => list.appendChild(el('li', { 'data-n': String(n) }, 'fib(' + n + '): ' + projectedStop(rows, n, 'inline') + '; '
      + projectedStop(rows, n, 'async') + '.')));
    box.appendChild(list);
    table(box, [
      C.count('n', 'n'), C.text('path', 'path'), C.num('offered (per s)', 'offeredPerSecond'), C.time('p50 (model)', 'p50Millis'),
      C.time('p99 (model)', 'p99Millis'), C.pct('throttled', 'throttledShare'), C.num('goodput (per s, model)', 'goodputPerSecond'),
      C.count('peak backlog', 'peakBacklog'), C.num('drain (s)', 'drainSeconds'), C.usd('cost ($ per hour)', 'costPerHourUsd'),
      C.text('binds first', 'binding', r => r.bindingDescription)
    ], rows, { rowAttrs: r => ({ 'data-projection': r.n + ':' + r.path + '@' + r.offeredPerSecond }),
      label: 'Projection to AWS scale (model): one row per n, path and offered load' });
    table('overload-inputs', [C.count('n', 'n'), C.count('samples', 'samples'), C.time('compute mean', 'meanMillis'),
      C.time('compute p99', 'p99Millis')], p.compute || [], { label: 'Compute times fed to the projection, measured here' });
    const few = (p.compute || []).filter(c => c.samples < 100);
    document.getElementById('overload-inputs').appendChild(el('p', { class: 'note', id: 'projection-inputs-note' }, 'Measured bare on one '
      + 'core of this machine (fiblab\'s own fib, warm, no server around it), standing in for one Lambda vCPU; the validation\'s "fib '
      + 'alone" above is the compute time the API reported for one client\'s requests, with the stack around it, so the two differ.'
      + (few.length ? ' ' + few.map(c => 'fib(' + c.n + ')').join(' and ') + ': ' + few.map(c => count(c.samples)).join(' and ')
        + ' samples (about 3 s of them), so its p99 is the largest one measured.' : '')));
    const quotas = document.getElementById('overload-inputs');
    quotas.appendChild(el('p', { class: 'note' }, 'Quotas and latencies the model read (' + p.region + '). ' + p.quotaNote + '.'));
    const ul = el('ul', { id: 'projection-quotas' });
    (p.quotas || []).forEach(q => {
      const li = el('li', { 'data-quota': q.key });
      li.appendChild(document.createTextNode(q.description + ': ' + num(q.value) + ' ' + q.unit
        + (q.documented ? '' : ' (not documented by AWS: this project\'s assumption)') + '; read ' + q.retrieved + ' from '));
      li.appendChild(el('a', { href: q.source, 'data-retrieved': q.retrieved }, q.source));
      if (q.note) li.appendChild(document.createTextNode('. ' + q.note));
      ul.appendChild(li);
    });
    quotas.appendChild(ul);
  }

  function render() {
    if (!overload && !polling) return false;
    const text = 'overload-text';
    if (overload) {
      paragraph(text, 'Open-loop load at multiples of each path\'s capacity measured in this run (inline: a closed loop; async: a burst '
        + 'of jobs, results per second in the steady middle of the drain), ' + num(overload.stepSeconds) + ' s per step, with the limits the '
        + 'stack ran with (see Environment). A right answer counts as goodput only within the client\'s patience: ' + num(overload.patienceSeconds)
        + ' s inline, ' + num(overload.jobPatienceSeconds) + ' s for a job from its intended submit; the async client polls '
        + overload.pollingPolicy + '. Latency is counted from the intended send time. A step is ⚠ saturated when it delivered less than '
        + percent(SATURATED_BELOW) + ' of its offered rate (right answers per second until its last answer): its latencies are those of a queue '
        + 'that kept growing.');
      [stopsDelivering('inline', overload.inlineCapacity, 'answers/s'), stopsDelivering('async', overload.asyncCapacity, 'jobs/s')]
        .filter(Boolean).forEach((t, i) => paragraph(text, t, 'verdict-small').setAttribute('data-stops', i === 0 ? 'inline' : 'async'));
      goodputChart();
      errorsChart();
      timelineChart('inline');
      timelineChart('async');
      backlogChart();
      backlogOverTimeChart();
      stepsTable();
      validationTable();
      validationQueueTable();
      projection();
    } else {
      document.querySelectorAll('#overload .overload-only').forEach(e => { e.hidden = true; });
      paragraph(text, 'This run did not include the overload scenario: run report-site/bench.sh --scenario overload (see README).');
    }
    if (polling) pollingTable();
    else document.getElementById('overload-polling').hidden = true;
    return true;
  }

  const section = document.getElementById('overload');
  if (section && !render()) {
    // The section says how to get what it would show, rather than vanish.
    document.querySelectorAll('#overload .overload-only, #overload-polling').forEach(e => { e.hidden = true; });
    paragraph('overload-text', 'This run did not include the overload or polling scenarios (they are not part of the default run): '
      + 'report-site/bench.sh --scenario overload,polling adds them (see the README for how long they take).');
  }
}());
