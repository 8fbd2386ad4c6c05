// The cost of telemetry per event, side by side in one run: an event nobody
// listens to, the same events with the mapping and a real SDK attached
// (MeterProvider with a pull reader, as Prometheus uses; spans batched), and
// one execute span with its traceparent, and the per-call cost of the call
// tracer createTelemetry attaches to the bus when no SDK is registered, and
// a worker's output line becoming a log record (or dropped over budget).
// Medians of repeated rounds. Targets (issue 6): ≤ 0.1 µs, ≤ 2 µs, ≤ 20 µs.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { EventBus } from '@snakepit/core';
import { isQuick, record } from './record.mjs';

// The OpenTelemetry SDK and @snakepit/telemetry resolve from the telemetry
// package (bench/package.json does not list them).
const fromTelemetry = createRequire(new URL('../packages/telemetry/package.json', import.meta.url));
const load = (name) => import(pathToFileURL(fromTelemetry.resolve(name)).href);
const { createTelemetry, startExecuteSpan } = await import('../packages/telemetry/dist/index.js');
const { MeterProvider, MetricReader } = await load('@opentelemetry/sdk-metrics');
const { BasicTracerProvider, BatchSpanProcessor } = await load('@opentelemetry/sdk-trace-base');
const { LoggerProvider, SimpleLogRecordProcessor } = await load('@opentelemetry/sdk-logs');

const OPS = Number(process.env.BENCH_OPS ?? (isQuick ? 20_000 : 200_000));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (isQuick ? 3 : 7));

/** Median ns per call of `fn(i)` over ROUNDS rounds of `ops` calls. */
function nsPerOp(fn, ops = OPS) {
  for (let i = 0; i < Math.min(ops, 20_000); i++) fn(i);
  const rounds = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < ops; i++) fn(i);
    rounds.push(Number(process.hrtime.bigint() - t0) / ops);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(rounds.length / 2)];
}

class PullReader extends MetricReader {
  onForceFlush() {
    return Promise.resolve();
  }
  onShutdown() {
    return Promise.resolve();
  }
}

const base = {
  workerId: 'pool.w1',
  runId: 'bench',
  pid: 4242,
  timestampMs: Date.now(),
  poolId: 'pool',
};
const received = { ...base, seq: 1, latencyMs: 0.7 };
const sent = { ...base, seq: 1 };
const completed = {
  poolId: 'pool',
  workerId: 'pool.w1',
  command: 'echo',
  outcome: 'ok',
  durationMs: 0.8,
  queueWaitMs: 0.1,
};
const state = { poolId: 'pool', workerId: 'pool.w1', from: 'ready', to: 'busy' };
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const line = { ...base, stream: 'stdout', line: 'epoch 3/10 loss=0.0412', traceparent };

const idle = new EventBus();
const rows = [
  [
    'no listener: emit heartbeat.received',
    nsPerOp(() => idle.emit('snakepit.worker.heartbeat.received', received)),
    100,
  ],
  ['no listener: emit worker.log', nsPerOp(() => idle.emit('snakepit.worker.log', line)), 100],
  [
    'no listener: hasListeners() guard',
    nsPerOp(() => idle.hasListeners('snakepit.worker.heartbeat.received')),
    100,
  ],
];

const reader = new PullReader();
const meterProvider = new MeterProvider({ readers: [reader] });
const discard = { export: (_spans, done) => done({ code: 0 }), shutdown: () => Promise.resolve() };
const tracerProvider = new BasicTracerProvider({
  spanProcessors: [new BatchSpanProcessor(discard)],
});
const meter = meterProvider.getMeter('bench');
const tracer = tracerProvider.getTracer('bench');
const bus = new EventBus();
const telemetry = createTelemetry(bus, { meter, tracer });
// 16 worker slots × 4 commands: the attribute sets a small pool really has.
const workers = Array.from({ length: 16 }, (_, i) => ({ ...received, workerId: `pool.w${i}` }));
const calls = Array.from({ length: 64 }, (_, i) => ({
  ...completed,
  workerId: `pool.w${i % 16}`,
  command: `cmd${i % 4}`,
}));
rows.push(
  [
    'mapping + SDK: heartbeat.sent (1 counter)',
    nsPerOp(() => bus.emit('snakepit.worker.heartbeat.sent', sent)),
    2000,
  ],
  [
    'mapping + SDK: heartbeat.received (counter + histogram)',
    nsPerOp((i) => bus.emit('snakepit.worker.heartbeat.received', workers[i & 15])),
    2000,
  ],
  [
    'mapping + SDK: pool.execute.completed (counter + 2 histograms)',
    nsPerOp((i) => bus.emit('snakepit.pool.execute.completed', calls[i & 63])),
    2000,
  ],
  [
    'mapping + SDK: pool.worker.state (gauge state)',
    nsPerOp(() => bus.emit('snakepit.pool.worker.state', state)),
    2000,
  ],
);
// Log records: a SimpleLogRecordProcessor exports each record at once (a
// batch processor's queue would fill within a synchronous loop and drop the
// rest, measuring the drop). Budget off for the first row, default for the second.
const loggerProvider = new LoggerProvider({
  processors: [
    new SimpleLogRecordProcessor({ exporter: { ...discard, forceFlush: () => Promise.resolve() } }),
  ],
});
const logger = loggerProvider.getLogger('bench');
const lines = workers.map((w) => ({ ...line, workerId: w.workerId }));
const logBus = new EventBus();
const unlimited = { maxRecordsPerSecond: 1_000_000, burstRecords: 1_000_000 };
const logTelemetry = createTelemetry(logBus, { meter, tracer, logger, logs: unlimited });
const dropBus = new EventBus();
const dropTelemetry = createTelemetry(dropBus, { meter, tracer, logger });
rows.push(
  [
    'mapping + SDK: worker.log → log record (with trace context)',
    nsPerOp((i) => logBus.emit('snakepit.worker.log', lines[i & 15])),
  ],
  [
    'mapping + SDK: worker.log over budget (dropped, counted)',
    nsPerOp(() => dropBus.emit('snakepit.worker.log', line)),
    2000,
  ],
);
logTelemetry.shutdown();
dropTelemetry.shutdown();

// The floor under the mapping: the SDK's own cost of one synchronous record
// with the attributes a worker event carries (it hashes them on every call).
const workerAttributes = workers.map((w) => ({
  'snakepit.pool.id': 'pool',
  'snakepit.worker.id': w.workerId,
}));
const floorCounter = meter.createCounter('floor.counter');
const floorHistogram = meter.createHistogram('floor.histogram', { unit: 's' });
rows.push(
  [
    'SDK alone: Counter.add, 2 attributes',
    nsPerOp((i) => floorCounter.add(1, workerAttributes[i & 15])),
    undefined,
  ],
  [
    'SDK alone: Histogram.record, 2 attributes',
    nsPerOp((i) => floorHistogram.record(0.0007, workerAttributes[i & 15])),
    undefined,
  ],
);
const target = { command: 'echo', workerId: 'pool.w1', poolId: 'pool' };
rows.push(
  [
    'execute span: start + traceparent',
    nsPerOp(() => startExecuteSpan(tracer, target), 50_000),
    20_000,
  ],
  [
    'execute span: start + traceparent + end (batched)',
    nsPerOp(() => startExecuteSpan(tracer, target).end('ok'), 50_000),
    20_000,
  ],
);
// What a pool does per call to pick and use its tracer (Pool#execute): no
// tracer at all (`traceCalls: false`, or no telemetry), and the one that
// createTelemetry attaches to the bus by default, on the global tracer,
// which is a no-op while no SDK is registered.
const untraced = new EventBus();
const noSdkBus = new EventBus();
const noSdkTelemetry = createTelemetry(noSdkBus);
const ownTracer = undefined;
const handlerTime = { handlerTimeUs: 50 };
rows.push(
  [
    'call, no tracer attached: bus.executeTracer look-up',
    nsPerOp(() => (ownTracer ?? untraced.executeTracer)?.start(target).end('ok', handlerTime)),
    100,
  ],
  [
    'call, default tracer, no SDK (no-op tracer): start + end',
    nsPerOp(() => (ownTracer ?? noSdkBus.executeTracer)?.start(target).end('ok', handlerTime)),
    2000,
  ],
);
noSdkTelemetry.shutdown();
const { errors } = await reader.collect();
telemetry.shutdown();
await Promise.all([meterProvider.shutdown(), tracerProvider.shutdown(), loggerProvider.shutdown()]);
if (errors.length > 0) throw new AggregateError(errors);

const width = Math.max(...rows.map(([name]) => name.length));
console.log(`\nTelemetry cost per event (Node ${process.version}, median of ${ROUNDS} rounds)`);
console.log(
  `${'what'.padEnd(width)}  ${'ns/op'.padStart(8)}  ${'µs/op'.padStart(7)}  ${'target µs'.padStart(9)}`,
);
for (const [name, ns, targetNs] of rows) {
  const target = targetNs === undefined ? '' : (targetNs / 1000).toString();
  const verdict = targetNs === undefined ? '' : ns <= targetNs ? 'ok' : 'OVER';
  record(`Telemetry cost per event (median of ${ROUNDS} rounds)`, name, ns, 'ns/op', {
    'target ns': targetNs,
    verdict,
  });
  console.log(
    `${name.padEnd(width)}  ${ns.toFixed(1).padStart(8)}  ${(ns / 1000).toFixed(3).padStart(7)}  ${target.padStart(9)}  ${verdict}`,
  );
}
const byName = Object.fromEntries(rows.map(([name, ns]) => [name, ns]));
const floor = byName['SDK alone: Histogram.record, 2 attributes'];
console.log(
  `heartbeat.received / one SDK Histogram.record: ${(byName['mapping + SDK: heartbeat.received (counter + histogram)'] / floor).toFixed(2)}×` +
    ' (the rest of the event is the mapping: counters are running totals observed at collection)',
);
