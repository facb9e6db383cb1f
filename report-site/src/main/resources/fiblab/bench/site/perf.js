// Renders the "Cold starts" and "Throughput and flatness" sections from window.FIBLAB_RESULTS.
// Loaded before report.js, which then builds the table of contents from the sections left visible.
(function () {
  'use strict';

  const R = window.FIBLAB_RESULTS;
  const COLORS = { init: '#2f6fb3', priming: '#e9c46a', first: '#e76f51', second: '#2a9d8f', limit: '#555555', inline: '#2f6fb3',
    p50: '#2f6fb3', p99: '#d9822b' };
  if (!R) return;

  function fmt(v, digits) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    if (digits !== undefined) return Number(v).toFixed(digits);
    const a = Math.abs(v);
    return Number(v).toFixed(a < 10 ? 2 : a < 100 ? 1 : 0);
  }
  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== undefined && v !== null) e.setAttribute(k, v); });
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function get(obj, key) {
    return key.split('.').reduce((o, k) => (o === null || o === undefined ? undefined : o[k]), obj);
  }
  // columns: [label, key, kind ('ms' | 'num' | 'text'), value(row) optional]
  function table(containerId, columns, rows, rowAttr) {
    const container = document.getElementById(containerId);
    const t = el('table');
    const head = el('tr');
    columns.forEach(([label, , kind]) => head.appendChild(el('th', { class: kind === 'text' ? 'text' : null }, label)));
    t.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    rows.forEach(row => {
      const tr = el('tr', rowAttr ? rowAttr(row) : {});
      columns.forEach(([, key, kind, value]) => {
        const raw = value ? value(row) : get(row, key);
        const numeric = kind !== 'text' && typeof raw === 'number';
        tr.appendChild(el('td', { class: kind === 'text' ? 'text' : null, 'data-key': key, 'data-value': numeric ? String(raw) : null },
          kind === 'ms' ? fmt(raw) : raw === undefined || raw === null ? '–' : String(raw)));
      });
      body.appendChild(tr);
    });
    t.appendChild(body);
    container.appendChild(t);
  }
  function chart(id, config) {
    const canvas = document.getElementById(id);
    if (!canvas || !window.Chart) return;
    config.options = Object.assign({ animation: false, maintainAspectRatio: false }, config.options || {});
    new Chart(canvas, config);
  }
  function paragraph(containerId, text, cls) {
    document.getElementById(containerId).appendChild(el('p', { class: cls }, text));
  }

  // ---------- cold starts ----------
  function coldStarts() {
    const cs = R.coldStart;
    if (!cs || !(cs.configurations || []).length) return false;
    const configs = cs.configurations;
    const label = c => c.function.replace('Function', '') + ' · ' + c.httpClient + ' · priming ' + (c.priming ? 'on' : 'off');
    const p = (c, key, q) => get(c, 'summary.' + key + '.' + (q || 'p50'));
    paragraph('coldstart-text', 'Each sample is a brand-new JVM (' + (cs.jvmOptions || []).join(' ') + ', Lambda\'s default flags for Java 17 and 21) '
      + 'started with the function\'s own environment, pointing at the local stack\'s servers: ' + cs.samplesPerConfiguration
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
      paragraph('coldstart-text', 'API with ' + firstOff.httpClient + ': the first invoke took p50 ' + fmt(p(firstOff, 'firstInvokeMillis'))
        + ' ms without priming and ' + fmt(p(firstOn, 'firstInvokeMillis')) + ' ms after priming; JVM start to first response p50 '
        + fmt(p(firstOff, 'jvmStartToFirstResponseMillis')) + ' ms without priming.', 'verdict-small');
    }
    chart('chart-coldstart', {
      type: 'bar',
      data: {
        labels: configs.map(label),
        datasets: [
          { label: 'JVM start → main (p50)', backgroundColor: COLORS.limit, data: configs.map(c => p(c, 'jvmToMainMillis') || 0) },
          { label: 'init (p50)', backgroundColor: COLORS.init, data: configs.map(c => p(c, 'initMillis') || 0) },
          { label: 'priming (p50)', backgroundColor: COLORS.priming, data: configs.map(c => p(c, 'primingMillis') || 0) },
          { label: 'first invoke (p50)', backgroundColor: COLORS.first, data: configs.map(c => p(c, 'firstInvokeMillis') || 0) }
        ]
      },
      options: { indexAxis: 'y', scales: { x: { stacked: true, title: { display: true, text: 'milliseconds (medians, stacked)' } }, y: { stacked: true } } }
    });
    table('coldstart-table', [
      ['function', 'function', 'text'], ['HTTP client', 'httpClient', 'text'], ['priming', 'priming', 'text', c => (c.priming ? 'on' : 'off')],
      ['ok/samples', 'summary.ok', 'text', c => c.summary.ok + '/' + (c.summary.ok + c.summary.failed)],
      ['JVM → main p50', 'summary.jvmToMainMillis.p50', 'ms'],
      ['init p50', 'summary.initMillis.p50', 'ms'], ['init p90', 'summary.initMillis.p90', 'ms'],
      ['priming p50', 'summary.primingMillis.p50', 'ms'],
      ['first invoke p50', 'summary.firstInvokeMillis.p50', 'ms'], ['first invoke p90', 'summary.firstInvokeMillis.p90', 'ms'],
      ['first invoke max', 'summary.firstInvokeMillis.max', 'ms'],
      ['of which event JSON → object p50', 'summary.firstDeserializeMillis.p50', 'ms'],
      ['JVM start → first response p50', 'summary.jvmStartToFirstResponseMillis.p50', 'ms'],
      ['… p90', 'summary.jvmStartToFirstResponseMillis.p90', 'ms'], ['… max', 'summary.jvmStartToFirstResponseMillis.max', 'ms'],
      ['second (warm) invoke p50', 'summary.secondInvokeMillis.p50', 'ms'],
      ['classes after init p50', 'summary.classesAfterInit.p50', 'num'], ['classes after first invoke p50', 'summary.classesAfterFirstInvoke.p50', 'num']
    ], configs, c => ({ 'data-config': c.function + '-' + c.httpClient + '-' + (c.priming ? 'on' : 'off') }));
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
      + ' parallel clients reached ' + fmt(goal.achievedPerSecond) + ' answers/s, ' + fmt(goal.ratio * 100, 1) + ' % of this machine\'s compute limit of '
      + fmt(goal.limitPerSecond) + '/s (' + limit.cores + ' cores each running fib bare in the same JVM, measured just before and after; '
      + 'the higher is the limit). The goal is ' + fmt(goal.goal * 100, 0) + ' %.', 'verdict-small');
    if (wrk.perSecond !== undefined) {
      paragraph('throughput-text', 'The same load from wrk (' + wrk.threads + ' threads, ' + wrk.connections + ' keep-alive connections, '
        + 'a C client on epoll that checks no answers) reached ' + fmt(wrk.perSecond) + ' answers/s, ' + fmt(wrk.ratio * 100, 1)
        + ' % of the limit (non-2xx answers: ' + wrk.non2xx + ', socket errors: ' + wrk.socketErrors + '). The Java client above shares '
        + 'the JVM and the cores with the server and checks every answer; wrk shows what the gateway and the function reach when '
        + 'the client costs next to nothing.', 'verdict-small');
    } else if (wrk.skipped) {
      paragraph('throughput-text', 'No wrk run: ' + wrk.skipped + '.', 'note');
    }
    if (goal.cpuMillisPerRequest !== undefined) {
      paragraph('throughput-text', 'CPU used per answered request by the whole benchmark JVM (gateway, function, load generator): '
        + fmt(goal.cpuMillisPerRequest, 3) + ' ms against ' + fmt(goal.bareMillisPerRequest, 3) + ' ms for the bare computation, so the emulation '
        + 'and the generator alone cap the ratio near ' + fmt(goal.cpuBoundRatio * 100, 1) + ' %; the rest of any gap is CPU the run did not get '
        + '(other processes, idle cores).', 'note');
    }
    if (flat.ratio !== undefined) {
      paragraph('throughput-text', 'Async: submit latency (POST /jobs until 202, open loop at ' + (s.settings || {}).flatnessRatePerSecond
        + '/s, counted from the intended send time) had p99 ' + fmt(flat.p99SmallMillis) + ' ms at n = ' + flat.smallN + ' and '
        + fmt(flat.p99LargeMillis) + ' ms at n = ' + flat.largeN + ' while the workers computed: a ratio of ' + fmt(flat.ratio, 2)
        + ' (goal: at most ' + fmt(flat.goal, 1) + ').', 'verdict-small');
    }
    chart('chart-throughput', {
      type: 'bar',
      data: {
        labels: ['compute limit (before)', 'compute limit (after)', 'inline, Java client'].concat(wrk.perSecond !== undefined ? ['inline, wrk'] : []),
        datasets: [{ label: 'fib(' + (inline ? inline.n : '') + ') per second',
          backgroundColor: [COLORS.limit, COLORS.limit, COLORS.inline, COLORS.inline],
          data: [get(limit, 'before.perSecond'), get(limit, 'after.perSecond'), goal.achievedPerSecond]
            .concat(wrk.perSecond !== undefined ? [wrk.perSecond] : []) }]
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'per second' } } } }
    });
    table('throughput-table', [
      ['what', 'label', 'text'], ['per second', 'value', 'num'], ['bare fib, one core (ms)', 'bare', 'num']
    ], [
      { label: 'compute limit before', value: get(limit, 'before.perSecond'), bare: get(limit, 'before.bareMillisOneCore') },
      { label: 'compute limit after', value: get(limit, 'after.perSecond'), bare: get(limit, 'after.bareMillisOneCore') },
      { label: 'inline achieved', value: goal.achievedPerSecond },
      { label: 'ratio (achieved / limit)', value: goal.ratio }
    ].concat(wrk.perSecond !== undefined ? [
      { label: 'inline achieved (wrk)', value: wrk.perSecond },
      { label: 'ratio (wrk / limit)', value: wrk.ratio }
    ] : []), r => ({ 'data-row': r.label }));
    chart('chart-flatness', {
      type: 'bar',
      data: {
        labels: submits.map(r => 'n = ' + r.n),
        datasets: [
          { label: 'submit p50', backgroundColor: COLORS.p50, data: submits.map(r => r.latency.p50) },
          { label: 'submit p99', backgroundColor: COLORS.p99, data: submits.map(r => r.latency.p99) }
        ]
      },
      options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'POST /jobs → 202 (ms)' } } } }
    });
    table('flatness-table', [
      ['n', 'n', 'num'], ['rate /s', 'ratePerSecond', 'num'], ['sent', 'sent', 'num'], ['ok', 'ok', 'num'], ['errors', 'errorCount', 'num'],
      ['p50', 'latency.p50', 'ms'], ['p90', 'latency.p90', 'ms'], ['p99', 'latency.p99', 'ms'], ['max', 'latency.max', 'ms'],
      ['p99 (service time)', 'serviceTime.p99', 'ms'], ['jobs finished after (s)', 'jobsDrainedSeconds', 'num']
    ], submits, r => ({ 'data-run': r.id }));
    return true;
  }

  [['coldstart', coldStarts], ['throughput', throughput]].forEach(([id, render]) => {
    const section = document.getElementById(id);
    if (section && !render()) section.hidden = true;
  });
}());
