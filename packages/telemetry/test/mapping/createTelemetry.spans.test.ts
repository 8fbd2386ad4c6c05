import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { EventBus } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelemetry, WORKER_SPAN_NAMES } from '../../src/index.js';
import { emit, poolScript, T0 } from '../helpers/emitters.js';
import { hangAndRestart, KILL_STEPS, startAndServe, stopAll } from '../helpers/scriptedLife.js';
import { createTestSdk } from '../helpers/testSdk.js';

const ms = (t: HrTime) => Math.round(t[0] * 1e3 + t[1] / 1e6);
const named = (spans: ReadableSpan[], name: string) => spans.filter((s) => s.name === name);
const cleanups: (() => Promise<void>)[] = [];

function setup(options: Parameters<typeof createTelemetry>[1] = {}) {
  const sdk = createTestSdk();
  const bus = new EventBus({ onListenerError: (error) => expect.fail(String(error)) });
  const telemetry = createTelemetry(bus, { meter: sdk.meter, tracer: sdk.tracer, ...options });
  cleanups.push(async () => {
    telemetry.shutdown();
    await sdk.shutdown();
  });
  return { sdk, bus, telemetry };
}

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe('createTelemetry: worker spans from events', () => {
  it('builds a start span per start, spawn → Ready, with the pid', () => {
    const { sdk, bus } = setup();
    startAndServe(bus);
    hangAndRestart(bus);
    const starts = named(sdk.spans(), WORKER_SPAN_NAMES.start);
    expect(
      starts.map((s) => [s.attributes['snakepit.worker.id'], ms(s.startTime), ms(s.endTime)]),
    ).toEqual([
      ['w0', T0 + 20, T0 + 200],
      ['w1', T0 + 30, T0 + 250],
      ['w1', T0 + 10_210, T0 + 10_400],
    ]);
    expect(starts[0]!.kind).toBe(SpanKind.INTERNAL);
    expect(starts[0]!.parentSpanContext).toBeUndefined();
    expect(starts[0]!.attributes).toMatchObject({
      'snakepit.pool.id': 'p1',
      'snakepit.run.id': 'run-1',
      'process.pid': 1001,
      'snakepit.worker.start_ms': 180,
    });
  });

  it('builds a terminate span from the stop request to the cleanup, with the kill ladder as events', () => {
    const { sdk, bus } = setup();
    startAndServe(bus);
    hangAndRestart(bus);
    const [killed] = named(sdk.spans(), WORKER_SPAN_NAMES.terminate);
    const firstW1Start = named(sdk.spans(), WORKER_SPAN_NAMES.start)[1]!;
    expect(killed).toBeDefined();
    expect(ms(killed!.startTime)).toBe(T0 + 8_000);
    expect(ms(killed!.endTime)).toBe(T0 + 10_101);
    expect(killed!.events.map((e) => [e.name, ms(e.time)])).toEqual([
      ...KILL_STEPS.map((s) => [`snakepit.kill.${s.step}`, s.atMs]),
      ['snakepit.process.exited', T0 + 10_100],
    ]);
    expect(killed!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'heartbeat timeout' });
    expect(killed!.attributes).toMatchObject({
      'snakepit.worker.id': 'w1',
      'process.pid': 1002,
      'snakepit.exit.reason': 'heartbeat timeout',
      'snakepit.exit.cause': 'heartbeat_timeout',
      'snakepit.exit.method': 'killed',
      'snakepit.exit.forced': true,
      'snakepit.exit.signal': 'SIGKILL',
      'snakepit.worker.uptime_ms': 9_850,
      'snakepit.cleanup.duration_ms': 2_101,
    });
    expect(killed!.attributes['process.exit.code']).toBeUndefined();
    expect(killed!.links.map((l) => l.context.spanId)).toEqual([firstW1Start.spanContext().spanId]);
  });

  it('leaves a graceful stop unset (not an error) and links it to the restarted start', () => {
    const { sdk, bus } = setup();
    startAndServe(bus);
    hangAndRestart(bus);
    stopAll(bus);
    const terminates = named(sdk.spans(), WORKER_SPAN_NAMES.terminate);
    expect(terminates).toHaveLength(3);
    const restartedW1 = named(sdk.spans(), WORKER_SPAN_NAMES.start)[2]!;
    const gracefulW1 = terminates.find((s) => s.attributes['process.pid'] === 1003)!;
    expect(gracefulW1.status.code).toBe(SpanStatusCode.UNSET);
    expect(gracefulW1.attributes['process.exit.code']).toBe(0);
    expect(gracefulW1.links[0]!.context.spanId).toBe(restartedW1.spanContext().spanId);
    expect(ms(gracefulW1.startTime)).toBe(T0 + 19_960);
  });

  it('builds no heartbeat spans by default, and one per round trip and miss when asked', () => {
    const quiet = setup();
    startAndServe(quiet.bus);
    expect(named(quiet.sdk.spans(), WORKER_SPAN_NAMES.heartbeat)).toEqual([]);

    const chatty = setup({ spans: { heartbeat: true } });
    startAndServe(chatty.bus);
    poolScript(chatty.bus, 'p1').missed('w1', 4_000, 2, 1);
    const beats = named(chatty.sdk.spans(), WORKER_SPAN_NAMES.heartbeat);
    expect(beats).toHaveLength(5);
    expect(ms(beats[2]!.startTime)).toBe(T0 + 6_000 - 12);
    expect(beats[4]!.status.code).toBe(SpanStatusCode.ERROR);
    expect(beats[4]!.attributes['snakepit.heartbeat.missed']).toBe(1);
  });

  it('ends the terminate span at termination when cleanup events are switched off', () => {
    const { sdk, bus } = setup({ events: { 'snakepit.worker.cleanup.completed': false } });
    poolScript(bus, 'p1').terminated('w0', 5_000, 7, { cleanupMs: 30 });
    const [span] = named(sdk.spans(), WORKER_SPAN_NAMES.terminate);
    expect(ms(span!.endTime)).toBe(T0 + 5_000);
    expect(span!.attributes['snakepit.cleanup.duration_ms']).toBeUndefined();
  });

  it('makes a span of a cleanup that has no terminate event before it', () => {
    const { sdk, bus } = setup({ events: { 'snakepit.worker.process.terminated': false } });
    poolScript(bus, 'p1').terminated('w0', 5_000, 7, { cleanupMs: 30, method: 'terminated' });
    const [span] = named(sdk.spans(), WORKER_SPAN_NAMES.terminate);
    expect([ms(span!.startTime), ms(span!.endTime)]).toEqual([T0 + 4_970, T0 + 5_001]);
    expect(span!.attributes['snakepit.exit.method']).toBe('terminated');
  });

  it('ends a terminate span still waiting for its cleanup at shutdown', () => {
    const { sdk, bus, telemetry } = setup();
    emit(bus, 'snakepit.worker.process.terminated', {
      workerId: 'w9',
      runId: 'r',
      pid: 9,
      timestampMs: T0,
      exit: {
        exitCode: 1,
        signal: undefined,
        cause: 'crashed',
        reason: 'crashed',
        method: 'exited',
        isForcefullyTerminated: false,
        uptimeMs: 5,
        cleanupMs: 0,
        steps: [],
      },
    });
    expect(named(sdk.spans(), WORKER_SPAN_NAMES.terminate)).toEqual([]);
    telemetry.shutdown();
    const [span] = named(sdk.spans(), WORKER_SPAN_NAMES.terminate);
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: 'crashed' });
  });

  it('judges an end by its cause, not its words: a recycle of a failing data plane is no error', () => {
    const { sdk, bus, telemetry } = setup();
    const s = poolScript(bus, 'p1');
    const stop = { exitCode: 0, method: 'graceful', uptimeMs: 5, cleanupMs: 40 } as const;
    s.terminated('w0', 1_000, 1001, { ...stop, cause: 'recycled', reason: 'data plane failing' });
    s.terminated('w1', 1_000, 1002, { ...stop, cause: 'start_failed', reason: 'start failed' });
    telemetry.shutdown();
    const spans = named(sdk.spans(), WORKER_SPAN_NAMES.terminate);
    expect(spans.map((span) => [span.attributes['snakepit.exit.cause'], span.status.code])).toEqual(
      [
        ['recycled', SpanStatusCode.UNSET],
        ['start_failed', SpanStatusCode.ERROR],
      ],
    );
  });

  it('builds no worker spans when switched off', () => {
    const { sdk, bus } = setup({ spans: { workerStart: false, workerStop: false } });
    startAndServe(bus);
    hangAndRestart(bus);
    stopAll(bus);
    expect(sdk.spans()).toEqual([]);
  });
});
