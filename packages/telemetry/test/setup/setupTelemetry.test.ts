import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { metrics, trace } from '@opentelemetry/api';
import { MeterProvider } from '@opentelemetry/sdk-metrics';
import { EventBus, isSnakepitError } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createTelemetry } from '../../src/index.js';
import { setupTelemetry } from '../../src/setup/index.js';
import type { SetupTelemetryOptions, TelemetrySdk } from '../../src/setup/index.js';
import { freePort } from '../helpers/prometheusServer.js';
import { startAndServe } from '../helpers/scriptedLife.js';

const sdks: TelemetrySdk[] = [];
afterEach(async () => {
  for (const sdk of sdks.splice(0)) await sdk.shutdown();
  metrics.disable();
  trace.disable();
});

async function setup(options: SetupTelemetryOptions): Promise<TelemetrySdk> {
  const sdk = await setupTelemetry(options);
  sdks.push(sdk);
  return sdk;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('did not reject');
}

describe('setupTelemetry', () => {
  it('registers its providers globally and unregisters them at shutdown', async () => {
    const sdk = await setupTelemetry({});
    expect(sdk.isGlobal).toBe(true);
    expect(sdk.telemetry).toBeUndefined();
    // The mapping with no meter given now records through the global SDK.
    const bus = new EventBus();
    const telemetry = createTelemetry(bus);
    expect(trace.getTracer('x').startSpan('s').spanContext().traceId).not.toMatch(/^0+$/);
    telemetry.shutdown();
    await sdk.shutdown();
    await sdk.shutdown();
    expect(trace.getTracer('x').startSpan('s').spanContext().traceId).toMatch(/^0+$/);
  });

  it('leaves another SDK registered first in place, and says so', async () => {
    const other = new MeterProvider();
    metrics.setGlobalMeterProvider(other);
    const sdk = await setup({});
    expect(sdk.isGlobal).toBe(false);
    await sdk.shutdown();
    expect(metrics.getMeterProvider()).toBe(other);
  });

  it('serves Prometheus on its own port, with the mapping of `bus` and the resource', async () => {
    const bus = new EventBus();
    const port = await freePort();
    const sdk = await setup({
      bus,
      prometheus: { port },
      serviceName: 'svc',
      runId: 'r9',
      registerGlobal: false,
    });
    expect(sdk.prometheusUrl).toBe(`http://127.0.0.1:${port}/metrics`);
    startAndServe(bus);
    const text = await (await fetch(sdk.prometheusUrl!)).text();
    expect(text).toMatch(
      /^snakepit_worker_heartbeat_received_total\{.*snakepit_worker_id="w0".*\} 3$/m,
    );
    expect(text).toMatch(/^target_info\{.*service_name="svc".*snakepit_run_id="r9".*\} 1$/m);
    await sdk.shutdown();
    await expect(fetch(sdk.prometheusUrl!)).rejects.toThrow();
    expect(bus.hasListeners('snakepit.worker.heartbeat.received')).toBe(false);
  });

  it('answers scrapes from the app’s own server with `serve: false`', async () => {
    const bus = new EventBus();
    const sdk = await setup({ bus, prometheus: { serve: false }, registerGlobal: false });
    expect(sdk.prometheusUrl).toBeUndefined();
    startAndServe(bus);
    const server = createServer((req, res) => sdk.handlePrometheusRequest!(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(text).toContain('snakepit_pool_queue_depth{snakepit_pool_id="p1"');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('reports a Prometheus port in use as an error of the call', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      const error = await rejection(
        setupTelemetry({ prometheus: { port }, registerGlobal: false }),
      );
      expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
      expect(error.message).toContain(`127.0.0.1:${port}: listen EADDRINUSE`);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('releases what it built when the mapping options are bad', async () => {
    const bus = new EventBus();
    const port = await freePort();
    const error = await rejection(
      setupTelemetry({ bus, prometheus: { port }, telemetry: { maxAttributeValues: -1 } }),
    );
    expect(error.message).toContain('maxAttributeValues');
    expect(bus.hasListeners('snakepit.worker.heartbeat.sent')).toBe(false);
    expect(metrics.getMeterProvider()).not.toBeInstanceOf(MeterProvider);
    await expect(fetch(`http://127.0.0.1:${port}/metrics`)).rejects.toThrow();
  });

  it.each([
    [
      { otlp: { protocol: 'http/json' } },
      "Expected `otlp.protocol` to be one of 'http/protobuf', 'grpc', got `\"http/json\"`",
    ],
    [
      { otlp: { endpoint: 'localhost:4318' } },
      'Expected `otlp.endpoint` to be an http:// or https:// URL',
    ],
    [
      { otlp: { exportIntervalMs: 10 } },
      'Expected `otlp.exportIntervalMs` to be an integer in 100–3600000, got `10`',
    ],
    [
      { otlp: { exportIntervalMs: 1000, exportTimeoutMs: 5000 } },
      'Expected `otlp.exportTimeoutMs` to be an integer in 50–1000',
    ],
    [
      { otlp: { headers: { authorization: 1 } } },
      'Expected `otlp.headers.authorization` to be a string',
    ],
    [
      { prometheus: { port: 0 } },
      'Expected `prometheus.port` to be an integer in 1–65535, got `0`',
    ],
    [
      { prometheus: { endpoint: 'metrics' } },
      'Expected `prometheus.endpoint` to be a path starting with `/`',
    ],
    [{ serviceName: '' }, 'Expected `serviceName` to be a non-empty string'],
    [{ bus: {} }, 'Expected `bus` to be an EventBus'],
    [{ promethus: {} }, 'Unknown option: `promethus`'],
  ])('rejects bad options: %j', async (options, message) => {
    const error = await rejection(setupTelemetry(options as SetupTelemetryOptions));
    expect(isSnakepitError(error, 'INVALID_OPTIONS')).toBe(true);
    expect(error.message).toContain(message);
  });
});

describe('entry points', () => {
  it('importing the mapping loads no OpenTelemetry SDK; importing /setup does', () => {
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    const loaded = (entry: string) =>
      execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `import ${JSON.stringify(dist + entry)};
           import { createRequire } from 'node:module';
           const cache = createRequire(import.meta.url)('module')._cache;
           console.log(Object.keys(cache).filter((p) => p.includes('@opentelemetry')).map((p) => p.split('@opentelemetry/')[1].split('/')[0]).filter((v, i, a) => a.indexOf(v) === i).join(','));`,
        ],
        { encoding: 'utf8' },
      )
        .trim()
        .split(',')
        .sort();
    // The two APIs (api-logs for worker log records), no SDK.
    expect(loaded('index.js')).toEqual(['api', 'api-logs']);
    expect(loaded('setup/index.js')).toEqual(
      expect.arrayContaining(['api', 'sdk-metrics', 'exporter-prometheus']),
    );
  });
});
