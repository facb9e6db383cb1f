// Renders the "Cold starts" and "Throughput and flatness" sections from window.FIBLAB_RESULTS.
// Loaded after common.js (the helpers) and before report.js, which then builds the table of contents.
(function () {
  'use strict';

  const R = window.FIBLAB_RESULTS;
  const FL = window.FL;
  if (!R || !FL) return;
  const { PALETTE, get, time, count, num, percent, C, table, chart, goalLine, paragraph } = FL;

  // ---------- cold starts ----------
  function coldStarts() {
    const cs = R.coldStart;
    if (!cs || !(cs.configurations || []).length) return false;
    const configs = cs.configurations;
    const label = c => c.function.replace('Function', '') + ' · ' + c.httpClient + ' · priming ' + (c.priming ? 'on' : 'off');
    const p = (c, key, q) => get(c, 'summary.' + key + '.' + (q || 'p50'));
    paragraph('coldstart-text', 'Each sample is a brand-new JVM (' + (cs.jvmOptions || []).join(' ') + ', Lambda\'s default flags for Java 17 and 21) '
      + 'started with the function\'s own environment, pointing at the local stack\'s servers: ' + count(cs.samplesPerConfiguration)
      + ' samples per function, HTTP client and priming setting, taking turns. Init is loading and constructing the handler (SDK clients '
      + 'included); priming runs the SnapStart hooks (beforeCheckpoint, then afterRestore) right after; the first invoke is the first '
      + 'event through the runtime\'s serializers and the handler (API: POST /jobs, which writes to DynamoDB and SQS; worker: an SQS '
      + 'batch for a job that exists). Part of the first invoke is the Lambda runtime\'s own work of turning the event\'s JSON into '
      + 'an object (its serialization library, shown on its own), which the functions\' SnapStart hooks do not prime. Percentiles are over '
      + 'the samples (nearest rank; p90 of 10 is the 9th).');
    paragraph('coldstart-text', 'Caveat: a local JVM is not a SnapStart restore. Priming moves work into init, which SnapStart pays once '
      + 'before its snapshot; so the local figure that stands for a SnapStart cold start is the first invoke after priming, plus the '
      + 'restore itself, which cannot be measured here. Without SnapStart, a cold start costs JVM start + init + first invoke.', 'note');
    const firstOff = configs.find(c => c.function === 'ApiFunction' && !c.priming && c.httpClient === (cs.httpClients || [])[0]);
    const firstOn = configs.find(c => c.function === 'ApiFunction' && c.priming && c.httpClient === (cs.httpClients || [])[0]);
    if (firstOff && firstOn && p(firstOff, 'firstInvokeMillis') !== undefined && p(firstOn, 'firstInvokeMillis') !== undefined) {
      paragraph('coldstart-text', 'API with ' + firstOff.httpClient + ': the first invoke took p50 ' + time(p(firstOff, 'firstInvokeMillis'))
        + ' without priming and ' + time(p(firstOn, 'firstInvokeMillis')) + ' after priming; JVM start to first response p50 '
        + time(p(firstOff, 'jvmStartToFirstResponseMillis')) + ' without priming.', 'verdict-small');
    }
    // Phases in order, light to dark, each labelled: a stacked bar's parts, not series of their own.
    const phase = (name, color, key) => ({ label: name, backgroundColor: color, borderColor: PALETTE.phase4, borderWidth: 1,
      data: configs.map(c => p(c, key) || 0) });
    chart('chart-coldstart', {
      type: 'bar',
      data: {
        labels: configs.map(label),
        datasets: [
          phase('JVM start → main (p50)', PALETTE.phase1, 'jvmToMainMillis'),
          phase('init (p50)', PALETTE.phase2, 'initMillis'),
          phase('priming (p50)', PALETTE.phase3, 'primingMillis'),
          phase('first invoke (p50)', PALETTE.phase4, 'firstInvokeMillis')
        ]
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, title: { display: true, text: 'milliseconds (medians, stacked)' } },
        y: { stacked: true } }, plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + time(ctx.raw) } } } }
    });
    table('coldstart-table', [
      C.text('function', 'function'), C.text('HTTP client', 'httpClient'), C.text('priming', 'priming', c => (c.priming ? 'on' : 'off')),
      C.text('ok/samples', 'summary.ok', c => c.summary.ok + '/' + cs.samplesPerConfiguration),
      C.time('JVM → main p50', 'summary.jvmToMainMillis.p50'),
      C.time('init p50', 'summary.initMillis.p50'), C.time('init p90', 'summary.initMillis.p90'),
      C.time('priming p50', 'summary.primingMillis.p50'),
      C.time('first invoke p50', 'summary.firstInvokeMillis.p50'), C.time('first invoke p90', 'summary.firstInvokeMillis.p90'),
      C.time('first invoke max', 'summary.firstInvokeMillis.max'),
      C.time('of which event JSON → object p50', 'summary.firstDeserializeMillis.p50'),
      C.time('JVM start → first response p50', 'summary.jvmStartToFirstResponseMillis.p50'),
      C.time('… p90', 'summary.jvmStartToFirstResponseMillis.p90'), C.time('… max', 'summary.jvmStartToFirstResponseMillis.max'),
      C.time('second (warm) invoke p50', 'summary.secondInvokeMillis.p50'),
      C.count('classes loaded after init p50', 'summary.classesAfterInit.p50'),
      C.count('classes loaded after first invoke p50', 'summary.classesAfterFirstInvoke.p50')
    ], configs, { rowAttrs: c => ({ 'data-config': c.function + '-' + c.httpClient + '-' + (c.priming ? 'on' : 'off') }) });
    return true;
  }

  // ---------- throughput and flatness ----------
  function throughput() {
    const s = (R.scenarios || []).find(x => x.name === 'throughput');
    if (!s || !s.inlineThroughput) return false;
    const limit = s.computeLimit || {};
    const goal = s.inlineThroughput;
    const flat = s.flatness || {};
    const wrk = s.inlineThroughputExternal || {};
    const inline = (s.runs || []).find(r => r.path === 'inline');
    const submits = (s.runs || []).filter(r => r.path === 'submit');
    paragraph('throughput-text', 'Inline: naive fib(' + (inline ? inline.n : '?') + ') through the local gateway from ' + (inline ? inline.concurrency : '?')
      + ' parallel clients reached ' + num(goal.achievedPerSecond) + ' answers/s, ' + percent(goal.ratio) + ' of this machine\'s compute limit of '
      + num(goal.limitPerSecond) + '/s (' + limit.cores + ' cores each running fib bare in the same JVM, measured just before and after; '
      + 'the higher is the limit). The goal is ' + percent(goal.goal) + '.', 'verdict-small');
    if (wrk.perSecond !== undefined) {
      paragraph('throughput-text', 'The same load from wrk (' + wrk.threads + ' threads, ' + wrk.connections + ' keep-alive connections, '
        + 'a C client on epoll that checks no answers) reached ' + num(wrk.perSecond) + ' answers/s, ' + percent(wrk.ratio)
        + ' of the limit (non-2xx answers: ' + count(wrk.non2xx) + ', socket errors: ' + count(wrk.socketErrors) + '). The Java client above shares '
        + 'the JVM and the cores with the server and checks every answer; wrk shows what the gateway and the function reach when '
        + 'the client costs next to nothing.', 'verdict-small');
    } else if (wrk.skipped) {
      paragraph('throughput-text', 'No wrk run: ' + wrk.skipped + '.', 'note');
    }
    if (goal.cpuMillisPerRequest !== undefined) {
      paragraph('throughput-text', 'CPU used per answered request by the whole benchmark JVM (gateway, function, load generator): '
        + time(goal.cpuMillisPerRequest) + ' against ' + time(goal.bareMillisPerRequest) + ' for the bare computation, so the emulation '
        + 'and the generator alone cap the ratio near ' + percent(goal.cpuBoundRatio) + '; the rest of any gap is CPU the run did not get '
        + '(other processes, idle cores).', 'note');
    }
    if (flat.ratio !== undefined) {
      paragraph('throughput-text', 'Async: submit latency (POST /jobs until 202, open loop at ' + num((s.settings || {}).flatnessRatePerSecond)
        + '/s, counted from the intended send time) had p99 ' + time(flat.p99SmallMillis) + ' at n = ' + flat.smallN + ' and '
        + time(flat.p99LargeMillis) + ' at n = ' + flat.largeN + ' while the workers computed: a ratio of ' + flat.ratio.toFixed(2)
        + ' (goal: at most ' + flat.goal.toFixed(1) + ').', 'verdict-small');
    }
    const at = s.asyncThroughput;
    if (at) {
      paragraph('throughput-text', 'Async: ' + count(at.jobs) + ' fib(' + at.n + ') jobs submitted by ' + at.clients + ' clients as fast as the API '
        + 'took them, each polled ' + at.polling + ': ' + count(at.done) + ' right results at ' + num(at.achievedPerSecond) + ' jobs/s (first submit '
        + 'to last result), ' + percent(at.ratio) + ' of the compute limit of ' + num(at.limitPerSecond) + '/s; the goal is ' + percent(at.goal)
        + (at.ratio >= at.goal ? ' (met).' : ' (not met).') + ' Time to result p50 ' + time(at.resultP50Millis) + ', p99 ' + time(at.resultP99Millis)
        + ', ' + num(at.requestsPerJob) + ' API requests per job. CPU per job: ' + time(at.cpuMillisPerJobJvm) + ' in the benchmark JVM and '
        + time(at.cpuMillisPerJobChildren) + ' in dynalite, against ' + time(at.bareMillisPerJob) + ' for a bare fib(' + at.n + '), so the '
        + 'local servers\' CPU alone caps the ratio near ' + percent(at.cpuBoundRatio) + '.', 'verdict-small' + (at.ratio >= at.goal ? '' : ' async-goal-missed'));
    }
    const labels = ['compute limit (before)', 'compute limit (after)', 'inline, Java client'].concat(wrk.perSecond !== undefined ? ['inline, wrk'] : []);
    chart('chart-throughput', {
      type: 'bar',
      data: {
        labels,
        datasets: [{ label: 'fib(' + (inline ? inline.n : '') + ') per second',
          backgroundColor: [PALETTE.phase2, PALETTE.phase2, PALETTE.inline, PALETTE.inline], borderColor: PALETTE.phase4, borderWidth: 1,
          data: [get(limit, 'before.perSecond'), get(limit, 'after.perSecond'), goal.achievedPerSecond]
            .concat(wrk.perSecond !== undefined ? [wrk.perSecond] : []) },
        // The goal, drawn where a goal exists: a share of the higher compute limit.
        goalLine('goal: ' + percent(goal.goal) + ' of the compute limit', goal.goal * goal.limitPerSecond, labels)]
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'per second, from zero' } } },
        plugins: { tooltip: { callbacks: { label: ctx => ctx.dataset.label + ': ' + num(ctx.parsed.y) } } } }
    });
    table('throughput-table', [
      C.text('what', 'label'), C.num('value', 'value'), C.time('bare fib, one core', 'bare')
    ], [
      { label: 'compute limit before (per s)', value: get(limit, 'before.perSecond'), bare: get(limit, 'before.bareMillisOneCore') },
      { label: 'compute limit after (per s)', value: get(limit, 'after.perSecond'), bare: get(limit, 'after.bareMillisOneCore') },
      { label: 'inline achieved (per s)', value: goal.achievedPerSecond },
      { label: 'ratio (achieved / limit)', value: goal.ratio }
    ].concat(wrk.perSecond !== undefined ? [
      { label: 'inline achieved, wrk (per s)', value: wrk.perSecond },
      { label: 'ratio (wrk / limit)', value: wrk.ratio }
    ] : []).concat(at ? [
      { label: 'async jobs achieved (per s)', value: at.achievedPerSecond },
      { label: 'async ratio (achieved / limit)', value: at.ratio }
    ] : []), { rowAttrs: r => ({ 'data-row': r.label.replace(/ \(per s\)$/, '') }) });
    // Flatness: p50 to p99 of each n as a floating bar, and the goal line for the larger n's p99.
    const flatLabels = submits.map(r => 'n = ' + r.n + (FL.saturated(r) ? ' ⚠ saturated' : ''));
    const flatnessDatasets = [{ label: 'POST /jobs → 202, p50 to p99', data: submits.map(r => [r.latency.p50, r.latency.p99]),
      backgroundColor: PALETTE.accepted, borderColor: PALETTE.phase4, borderWidth: 1, borderSkipped: false }];
    if (flat.p99SmallMillis !== undefined && flat.goal !== undefined) {
      flatnessDatasets.push(goalLine('goal: p99 at most ' + flat.goal.toFixed(1) + ' × p99 at n = ' + flat.smallN,
        flat.p99SmallMillis * flat.goal, flatLabels));
    }
    chart('chart-flatness', {
      type: 'bar',
      data: { labels: flatLabels, datasets: flatnessDatasets },
      options: { scales: { y: FL.timeAxis('POST /jobs → 202, p50 (bottom) to p99 (top), log scale') },
        plugins: { tooltip: { callbacks: { label: ctx => (Array.isArray(ctx.raw) ? 'p50 ' + time(ctx.raw[0]) + ', p99 ' + time(ctx.raw[1])
          : ctx.dataset.label + ': ' + time(ctx.parsed.y)) } } } }
    });
    table('flatness-table', [
      C.count('n', 'n'), C.num('offered (per s)', 'ratePerSecond'), C.num('achieved (per s)', 'throughputPerSecond'), C.count('sent (requests)', 'sent'),
      C.count('ok (requests)', 'ok'), C.count('errors', 'errorCount'),
      C.time('p50', 'latency.p50'), C.time('p90', 'latency.p90'), C.time('p99', 'latency.p99'), C.time('max', 'latency.max'),
      C.time('p99 (service time)', 'serviceTime.p99'), C.num('jobs finished after (s)', 'jobsDrainedSeconds')
    ], submits, { rowAttrs: r => ({ 'data-run': r.id }), flagged: r => r });
    return true;
  }

  [['coldstart', coldStarts], ['throughput', throughput]].forEach(([id, render]) => {
    const section = document.getElementById(id);
    if (section && !render()) section.hidden = true;
  });
}());
