// What tracing a call costs, end to end (issue 19): one worker, calls one at a
// time, per transport, in one run side by side:
//   no tracer               the pool's floor;
//   traced                  snakepit.execute in Node, the handler span recorded
//                           by the owner from the handler time Python reports;
//   forwarded               Python records the handler span and sends it back
//                           (setupTelemetry's default when Python has the API);
//   forwarded + user span   and one span of the handler's own.
// Spans go to a batch processor whose exporter drops them. Median round trip,
// and CPU per call of Node and of the worker's Python.
// Needs the OpenTelemetry API in the workers' Python (fails loudly without).
//
//   node bench/tracing.bench.mjs          (BENCH_ROUND_TRIPS)
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createPool, createRunId } from '@snakepit/python-bridge';
import { isQuick, recordSummary } from './record.mjs';
import { cpuNs, summarize } from './stats.mjs';

const ROUND_TRIPS = Number(process.env.BENCH_ROUND_TRIPS ?? (isQuick ? 300 : 3000));
const HERE = fileURLToPath(new URL('.', import.meta.url));
const fromTelemetry = createRequire(new URL('../packages/telemetry/package.json', import.meta.url));
const load = (name) => import(pathToFileURL(fromTelemetry.resolve(name)).href);
const { createExecuteTracing } = await import('../packages/telemetry/dist/index.js');
const { BasicTracerProvider, BatchSpanProcessor } = await load('@opentelemetry/sdk-trace-base');
const { resourceFromAttributes } = await load('@opentelemetry/resources');

const SECTION = 'a traced call through one worker, one at a time';
const discard = { export: (_spans, done) => done({ code: 0 }), shutdown: () => Promise.resolve() };
const processor = new BatchSpanProcessor(discard);
const resource = resourceFromAttributes({ 'service.name': 'bench' });
const tracer = new BasicTracerProvider({ resource, spanProcessors: [processor] }).getTracer(
  'bench',
);
const CASES = [
  { name: 'no tracer', command: 'echo' },
  { name: 'traced', command: 'echo', tracer: createExecuteTracing(tracer) },
  {
    name: 'forwarded',
    command: 'echo',
    tracer: createExecuteTracing(tracer, {
      pythonSpans: { spanProcessors: [processor], resource },
    }),
  },
  {
    name: 'forwarded + user span',
    command: 'echo_in_span',
    tracer: createExecuteTracing(tracer, {
      pythonSpans: { spanProcessors: [processor], resource },
    }),
  },
];

const ROUNDS = 5;

function startPool(transport, callTracer) {
  return createPool({
    runId: createRunId('tracing'),
    size: 1,
    transport,
    adapter: 'traced_adapter',
    pythonPath: [HERE],
    ...(callTracer ? { tracer: callTracer } : {}),
  }).catch((error) => {
    throw new Error(
      `the traced adapter failed to start (is opentelemetry-api installed in the workers' Python? pip install opentelemetry-api): ${error.message}`,
    );
  });
}

/** The cases of one transport, interleaved round by round so that warm-up and load hit each alike. */
async function measure(transport) {
  const pools = [];
  try {
    for (const each of CASES) pools.push(await startPool(transport, each.tracer));
    const runs = CASES.map(() => ({ samples: [], nodeUs: 0, pythonNs: 0 }));
    for (const [i, pool] of pools.entries()) {
      for (let j = 0; j < 300; j++) await pool.execute(CASES[i].command, 1);
    }
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, pool] of pools.entries()) {
        const pid = pool.stats().workers[0].pid;
        const run = runs[i];
        const node0 = process.cpuUsage();
        const python0 = cpuNs(pid);
        for (let j = 0; j < ROUND_TRIPS / ROUNDS; j++) {
          const t0 = performance.now();
          await pool.execute(CASES[i].command, 1);
          run.samples.push(performance.now() - t0);
        }
        const node = process.cpuUsage(node0);
        run.nodeUs += node.user + node.system;
        run.pythonNs += cpuNs(pid) - python0;
      }
    }
    return runs.map((run) => ({
      rtt: summarize(run.samples),
      nodeUs: run.nodeUs / run.samples.length,
      pythonUs: run.pythonNs / 1000 / run.samples.length,
    }));
  } finally {
    await Promise.all(pools.map((pool) => pool.stop()));
  }
}

console.log(`\n${SECTION} (${ROUND_TRIPS} calls per case)`);
console.log('transport  case                    median ms  p99 ms  Node µs/call  Python µs/call');
for (const transport of ['framed', 'grpc']) {
  const results = await measure(transport);
  for (const [i, { rtt, nodeUs, pythonUs }] of results.entries()) {
    console.log(
      `${transport.padEnd(9)}  ${CASES[i].name.padEnd(22)}  ${rtt.median.toFixed(3).padStart(9)}  ${rtt.p99.toFixed(3).padStart(6)}  ${nodeUs.toFixed(1).padStart(12)}  ${pythonUs.toFixed(1).padStart(14)}`,
    );
    recordSummary(SECTION, `${transport}: ${CASES[i].name}`, rtt, 'ms', {
      nodeCpuUs: nodeUs,
      pythonCpuUs: pythonUs,
    });
  }
}
await processor.shutdown();
