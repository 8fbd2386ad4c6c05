import type {} from '@snakepit/actors';
import { EventBus } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  EXECUTE_SPAN_NAME,
  SNAKEPIT_METRICS,
  startExecuteSpan,
  WORKER_SPAN_NAMES,
} from '../../src/index.js';
import { setupTelemetry } from '../../src/setup/index.js';
import type { OtlpProtocol } from '../../src/setup/index.js';
import { decodeMetricsRequest, decodeTraceRequest } from '../helpers/decodeOtlp.js';
import type { OtlpMetric } from '../helpers/decodeOtlp.js';
import { T0 } from '../helpers/emitters.js';
import { startGrpcReceiver, startHttpReceiver } from '../helpers/otlpReceivers.js';
import type { Receiver } from '../helpers/otlpReceivers.js';
import { hangAndRestart, rareEvents, startAndServe, stopAll } from '../helpers/scriptedLife.js';

const receivers: Receiver[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

const OTLP_KIND = {
  observable_counter: 'sum',
  histogram: 'histogram',
  observable_updowncounter: 'sum',
};
const SPAN_KIND_CLIENT = 3;
const STATUS_ERROR = 2;

async function exportScriptedLife(protocol: OtlpProtocol, receiver: Receiver) {
  const bus = new EventBus();
  const sdk = await setupTelemetry({
    bus,
    serviceName: 'otlp-test',
    runId: 'otlp-run',
    registerGlobal: false,
    otlp: {
      protocol,
      endpoint: receiver.endpoint,
      headers: { Authorization: 'Bearer secret' },
      exportIntervalMs: 60_000,
    },
  });
  startAndServe(bus);
  hangAndRestart(bus);
  rareEvents(bus);
  stopAll(bus);
  const tracer = sdk.tracerProvider.getTracer('app');
  const call = startExecuteSpan(tracer, { command: 'echo', workerId: 'w0', poolId: 'p1' });
  call.end('ok');
  // The metrics interval is a minute: everything below arrives through the
  // final export of shutdown().
  await sdk.shutdown();
  return call.traceparent;
}

describe.each([['http/protobuf' as const], ['grpc' as const]])(
  'OTLP over %s: a local receiver gets and decodes what setupTelemetry pushes',
  (protocol) => {
    it('receives every metric with its unit and values, spans with their times, and the headers', async () => {
      const receiver = protocol === 'grpc' ? await startGrpcReceiver() : await startHttpReceiver();
      receivers.push(receiver);
      const traceparent = await exportScriptedLife(protocol, receiver);

      const metricsRequests = receiver.received.filter((r) => r.signal === 'metrics');
      const traceRequests = receiver.received.filter((r) => r.signal === 'traces');
      expect(metricsRequests.length).toBeGreaterThan(0);
      expect(traceRequests.length).toBeGreaterThan(0);
      for (const request of receiver.received) {
        expect(request.authorization).toBe('Bearer secret');
        if (protocol === 'http/protobuf')
          expect(request.contentType).toBe('application/x-protobuf');
      }

      const resourceMetrics = metricsRequests.flatMap((r) => decodeMetricsRequest(r.body));
      expect(resourceMetrics[0]!.resource).toMatchObject({
        'service.name': 'otlp-test',
        'snakepit.run.id': 'otlp-run',
      });
      const metrics = new Map<string, OtlpMetric>(
        resourceMetrics.flatMap((rm) => rm.metrics).map((m) => [m.name, m]),
      );
      for (const def of Object.values(SNAKEPIT_METRICS)) {
        const metric = metrics.get(def.name);
        expect(metric, def.name).toBeDefined();
        expect([metric!.unit, metric!.kind], def.name).toEqual([def.unit, OTLP_KIND[def.kind]]);
        expect(metric!.isMonotonic, def.name).toBe(def.kind === 'observable_counter');
      }
      const sentToW1 = metrics
        .get(SNAKEPIT_METRICS.heartbeatSent.name)!
        .points.find((p) => p.attributes['snakepit.worker.id'] === 'w1');
      expect(sentToW1).toEqual({
        attributes: { 'snakepit.pool.id': 'p1', 'snakepit.worker.id': 'w1' },
        value: 4,
      });
      const restarts = metrics.get(SNAKEPIT_METRICS.childRestarted.name)!.points;
      expect(restarts.map((p) => p.value)).toEqual([1]);
      const cleanup = metrics.get(SNAKEPIT_METRICS.cleanupDuration.name)!.points;
      expect(cleanup.map((p) => [p.attributes['snakepit.exit.method'], p.count])).toEqual(
        expect.arrayContaining([
          ['killed', 1],
          ['graceful', 2],
        ]),
      );

      const spans = traceRequests
        .flatMap((r) => decodeTraceRequest(r.body))
        .flatMap((rs) => rs.spans);
      const names = spans.map((s) => s.name);
      expect(names.filter((n) => n === WORKER_SPAN_NAMES.start)).toHaveLength(3);
      expect(names.filter((n) => n === WORKER_SPAN_NAMES.terminate)).toHaveLength(3);
      const killed = spans.find(
        (s) =>
          s.name === WORKER_SPAN_NAMES.terminate &&
          s.attributes['snakepit.exit.method'] === 'killed',
      )!;
      expect([killed.startUnixMs, killed.endUnixMs]).toEqual([T0 + 8_000, T0 + 10_101]);
      expect(killed.events).toEqual([
        'snakepit.kill.sigterm',
        'snakepit.kill.sigkill',
        'snakepit.process.exited',
      ]);
      expect(killed.statusCode).toBe(STATUS_ERROR);
      const execute = spans.find((s) => s.name === EXECUTE_SPAN_NAME)!;
      expect(execute.kind).toBe(SPAN_KIND_CLIENT);
      expect(traceparent).toBe(`00-${execute.traceId}-${execute.spanId}-01`);
    });
  },
);
