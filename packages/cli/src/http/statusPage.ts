import { POOL_WORKER_STATES } from '@snakepit/core';

/**
 * The live status page served at `/`: one self-contained HTML document (no
 * external assets, no framework) that follows the run through `/events`
 * (server-sent events). Elements carry `data-*` attributes (`data-worker`,
 * `data-pid`, `data-state`, `data-restarts`) so that tests and scripts can
 * read the page as well as people can.
 */
export const STATUS_PAGE_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>snakepit · live status</title>
<style>
  :root {
    --bg: #0d1117; --panel: #161b22; --line: #30363d; --text: #e6edf3; --dim: #8b949e;
    --ready: #3fb950; --busy: #58a6ff; --starting: #d29922; --unhealthy: #f0883e;
    --stopping: #a371f7; --stopped: #6e7681; --error: #f85149;
  }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--text);
    font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  header { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center;
    padding: 16px 24px; border-bottom: 1px solid var(--line); background: var(--panel); }
  header h1 { margin: 0; font-size: 18px; letter-spacing: .3px; }
  header h1 span { color: var(--ready); }
  .meta { color: var(--dim); display: flex; gap: 18px; flex-wrap: wrap; }
  .meta b { color: var(--text); font-weight: 600; }
  .spacer { flex: 1; }
  .pill { display: inline-flex; align-items: center; gap: 6px; padding: 3px 10px; border-radius: 999px;
    border: 1px solid var(--line); font-size: 12px; font-weight: 600; text-transform: uppercase; letter-spacing: .4px; }
  .dot { width: 8px; height: 8px; border-radius: 50%; background: var(--dim); display: inline-block; }
  .pill.ok { color: var(--ready); border-color: var(--ready); } .pill.ok .dot { background: var(--ready); }
  .pill.bad { color: var(--error); border-color: var(--error); } .pill.bad .dot { background: var(--error); }
  .pill.wait { color: var(--starting); border-color: var(--starting); } .pill.wait .dot { background: var(--starting); }
  .tiles { display: grid; grid-template-columns: repeat(auto-fit, minmax(120px, 1fr)); gap: 12px; padding: 20px 24px 0; }
  .tile { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; }
  .tile .n { font-size: 26px; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
  .tile .n small { font-size: 14px; font-weight: 500; color: var(--dim); }
  .tile .l { color: var(--dim); font-size: 12px; text-transform: uppercase; letter-spacing: .5px; }
  .tile.zero .n { color: var(--dim); }
  main { display: grid; grid-template-columns: minmax(0, 3fr) minmax(280px, 2fr); gap: 20px; padding: 20px 24px; }
  @media (max-width: 900px) { main { grid-template-columns: 1fr; } }
  section.card { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
  section.card h2 { margin: 0; padding: 12px 16px; font-size: 14px; border-bottom: 1px solid var(--line); }
  table { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
  .scroll { overflow-x: auto; }
  th, td { text-align: left; padding: 8px 12px; border-bottom: 1px solid var(--line); white-space: nowrap; }
  th { color: var(--dim); font-weight: 500; font-size: 12px; }
  tr:last-child td { border-bottom: 0; }
  .state { display: inline-flex; align-items: center; gap: 6px; }
  .state .dot { background: var(--c); }
  tr.flash { animation: flash 2.5s ease-out; }
  @keyframes flash { from { background: rgba(248, 81, 73, .35); } to { background: transparent; } }
  .restarts-hot { color: var(--unhealthy); font-weight: 700; }
  svg.spark { vertical-align: middle; }
  svg.spark polyline { fill: none; stroke: var(--busy); stroke-width: 1.5; }
  .lat { display: inline-block; min-width: 64px; }
  ol#timeline { list-style: none; margin: 0; padding: 0; max-height: 560px; overflow: auto; }
  ol#timeline li { display: grid; grid-template-columns: 92px 86px 1fr; gap: 8px; padding: 7px 16px; border-bottom: 1px solid var(--line); }
  ol#timeline li .t { color: var(--dim); font-variant-numeric: tabular-nums; }
  .kind { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .4px; color: var(--c, var(--dim)); }
  .k-started { --c: var(--ready); } .k-stopped { --c: var(--stopped); } .k-crashed { --c: var(--error); }
  .k-heartbeat { --c: var(--unhealthy); } .k-restarted { --c: var(--busy); } .k-failed { --c: var(--error); }
  .k-recycled { --c: var(--stopping); } .k-reaped { --c: var(--unhealthy); } .k-run { --c: var(--text); }
  li.error .msg { color: var(--error); }
  .empty { color: var(--dim); padding: 16px; }
  footer { color: var(--dim); padding: 0 24px 24px; font-size: 12px; }
  footer a { color: var(--busy); }
</style>
</head>
<body>
<header>
  <h1><span>&#9679;</span> snakepit</h1>
  <div class="meta">
    <div>run <b id="run-id">&hellip;</b></div>
    <div>pid <b id="owner-pid">&hellip;</b></div>
    <div>up <b id="uptime">&hellip;</b></div>
  </div>
  <div class="spacer"></div>
  <span id="readiness" class="pill wait" data-ready="false"><span class="dot"></span><span id="readiness-text">connecting</span></span>
  <span id="connection" class="pill wait" data-connected="false"><span class="dot"></span><span id="connection-text">connecting</span></span>
</header>
<div class="tiles" id="tiles"></div>
<main>
  <section class="card">
    <h2>Workers</h2>
    <div class="scroll"><table>
      <thead><tr><th>worker</th><th>pid</th><th>state</th><th>restarts</th><th>last heartbeat</th><th>heartbeat latency</th><th>uptime</th><th>in flight</th></tr></thead>
      <tbody id="workers"><tr><td colspan="8" class="empty">waiting for the run&hellip;</td></tr></tbody>
    </table></div>
  </section>
  <section class="card">
    <h2>Timeline</h2>
    <ol id="timeline"><li class="empty">no lifecycle events yet</li></ol>
  </section>
</main>
<footer id="footer">endpoints: <a href="status">/status</a> &middot; <a href="metrics">/metrics</a> &middot; <a href="healthz">/healthz</a> &middot; <a href="readyz">/readyz</a></footer>
<script>
(function () {
  'use strict';
  var STATES = ${JSON.stringify(POOL_WORKER_STATES)};
  var MAX_TIMELINE = 200;
  var timeline = [];
  var lastRestarts = {};
  var $ = function (id) { return document.getElementById(id); };

  function esc(value) {
    return String(value).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function duration(ms) {
    if (ms === null || ms === undefined) return '&ndash;';
    if (ms < 1000) return Math.round(ms) + ' ms';
    var s = ms / 1000;
    if (s < 60) return s.toFixed(1) + ' s';
    var m = Math.floor(s / 60), h = Math.floor(m / 60);
    if (h > 0) return h + 'h ' + String(m % 60).padStart(2, '0') + 'm';
    return m + 'm ' + String(Math.floor(s % 60)).padStart(2, '0') + 's';
  }
  function latency(ms) {
    if (ms === null || ms === undefined) return '&ndash;';
    return ms < 10 ? ms.toFixed(2) + ' ms' : Math.round(ms) + ' ms';
  }
  function clock(timeMs) {
    var d = new Date(timeMs);
    var p = function (n, w) { return String(n).padStart(w || 2, '0'); };
    return p(d.getHours()) + ':' + p(d.getMinutes()) + ':' + p(d.getSeconds()) + '.' + p(d.getMilliseconds(), 3);
  }
  function spark(values) {
    if (!values || values.length < 2) return '';
    var w = 72, h = 22, max = Math.max.apply(null, values.concat([0.001]));
    var step = w / (values.length - 1);
    var points = values.map(function (v, i) {
      return (i * step).toFixed(1) + ',' + (h - 2 - (v / max) * (h - 4)).toFixed(1);
    }).join(' ');
    return '<svg class="spark" width="' + w + '" height="' + h + '" viewBox="0 0 ' + w + ' ' + h + '"><polyline points="' + points + '"/></svg>';
  }
  function median(values) {
    if (values.length === 0) return null;
    var sorted = values.slice().sort(function (a, b) { return a - b; });
    return sorted[Math.floor(sorted.length / 2)];
  }
  function tile(label, value, state, extra) {
    var zero = value === 0 ? ' zero' : '';
    var color = state ? ' style="color: var(--' + state + ')"' : '';
    return '<div class="tile' + zero + '" data-tile="' + esc(label) + '"' + (extra || '') + '><div class="n"' + (value === 0 ? '' : color) + '>' + value + '</div><div class="l">' + esc(label) + '</div></div>';
  }

  function renderStatus(s) {
    $('run-id').textContent = s.runId;
    $('owner-pid').textContent = s.pid;
    $('uptime').innerHTML = duration(s.uptimeMs);
    var readiness = $('readiness');
    readiness.className = 'pill ' + (s.isReady ? 'ok' : s.state === 'starting' ? 'wait' : 'bad');
    readiness.dataset.ready = String(s.isReady);
    $('readiness-text').textContent = (s.isReady ? 'ready' : 'not ready') + ' · ' + s.readyWorkers + '/' + s.size + ' · ' + s.state;
    var latencies = s.workers.map(function (w) { return w.heartbeatLatencyMs; }).filter(function (v) { return v !== null; });
    var med = median(latencies);
    $('tiles').innerHTML = STATES.map(function (st) { return tile(st, s.byState[st] || 0, st); }).join('') +
      tile('restarts', s.restarts, s.restarts > 0 ? 'unhealthy' : null) +
      tile('queued', s.queued, null) +
      '<div class="tile" data-tile="heartbeat"><div class="n">' + (med === null ? '&ndash;' : (med < 10 ? med.toFixed(2) : Math.round(med)) + '<small> ms</small>') + '</div><div class="l">heartbeat p50</div></div>';
    if (s.workers.length === 0) {
      $('workers').innerHTML = '<tr><td colspan="8" class="empty">no workers yet</td></tr>';
    } else {
      $('workers').innerHTML = s.workers.map(function (w) {
        var previous = lastRestarts[w.id];
        var flash = previous !== undefined && w.restarts > previous ? ' class="flash"' : '';
        lastRestarts[w.id] = w.restarts;
        return '<tr' + flash + ' data-worker="' + esc(w.id) + '" data-pid="' + (w.pid === null ? '' : w.pid) + '" data-state="' + esc(w.state) + '" data-restarts="' + w.restarts + '">' +
          '<td><b>' + esc(w.id) + '</b></td>' +
          '<td>' + (w.pid === null ? '&ndash;' : w.pid) + '</td>' +
          '<td><span class="state" style="--c: var(--' + esc(w.state) + ')"><span class="dot"></span>' + esc(w.state) + '</span></td>' +
          '<td' + (w.restarts > 0 ? ' class="restarts-hot"' : '') + '>' + w.restarts + '</td>' +
          '<td>' + (w.lastHeartbeatMs === null ? '&ndash;' : duration(w.lastHeartbeatMs) + ' ago') + '</td>' +
          '<td><span class="lat">' + latency(w.heartbeatLatencyMs) + '</span> ' + spark(w.heartbeatLatencyHistoryMs) + '</td>' +
          '<td>' + duration(w.uptimeMs) + '</td>' +
          '<td>' + w.inFlight + '</td></tr>';
      }).join('');
    }
    var hb = s.heartbeat;
    $('footer').innerHTML = 'heartbeat every ' + hb.intervalMs + ' ms, a miss after ' + hb.timeoutMs + ' ms, hung after ' + hb.maxMissed + ' misses &middot; endpoints: <a href="status">/status</a> &middot; <a href="metrics">/metrics</a> &middot; <a href="healthz">/healthz</a> &middot; <a href="readyz">/readyz</a>';
  }

  function renderTimeline() {
    if (timeline.length === 0) return;
    $('timeline').innerHTML = timeline.slice().reverse().map(function (e) {
      return '<li class="' + esc(e.level) + '" data-kind="' + esc(e.kind) + '"><span class="t">' + clock(e.timeMs) + '</span>' +
        '<span class="kind k-' + esc(e.kind) + '">' + esc(e.kind) + '</span><span class="msg">' + esc(e.message) + '</span></li>';
    }).join('');
  }

  function connected(isConnected) {
    var c = $('connection');
    c.className = 'pill ' + (isConnected ? 'ok' : 'bad');
    c.dataset.connected = String(isConnected);
    $('connection-text').textContent = isConnected ? 'live' : 'reconnecting';
  }

  var source = new EventSource('events');
  source.onopen = function () { connected(true); };
  source.onerror = function () { connected(false); };
  source.addEventListener('snapshot', function (e) {
    var data = JSON.parse(e.data);
    timeline = data.timeline;
    connected(true);
    renderStatus(data.status);
    renderTimeline();
  });
  source.addEventListener('status', function (e) { renderStatus(JSON.parse(e.data)); });
  source.addEventListener('lifecycle', function (e) {
    timeline.push(JSON.parse(e.data));
    if (timeline.length > MAX_TIMELINE) timeline.shift();
    renderTimeline();
  });
})();
</script>
</body>
</html>
`;
