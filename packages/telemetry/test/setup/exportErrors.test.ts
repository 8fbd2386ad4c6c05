import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metrics, trace } from '@opentelemetry/api';
import { EventBus, isSnakepitError } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ENDPOINT_PATH_WARNING,
  EXPORT_FAILED_WARNING,
  EXPORT_WARNING_INTERVAL_MS,
  resolveSetupTelemetryOptions,
  setupTelemetry,
} from '../../src/setup/index.js';
import type { OtlpExportFailure, TelemetrySdk } from '../../src/setup/index.js';
import { createWarnOncePerCause, exportUrl } from '../../src/setup/reportExportErrors.js';
import { freePort } from '../helpers/prometheusServer.js';

const sdks: TelemetrySdk[] = [];
const servers: Server[] = [];
afterEach(async () => {
  for (const sdk of sdks.splice(0)) await sdk.shutdown().catch(() => {});
  for (const server of servers.splice(0)) await new Promise((r) => server.close(r));
  metrics.disable();
  trace.disable();
});

/** A real HTTP server that answers every OTLP post with `status`. */
async function collectorAnswering(status: number): Promise<string> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status).end());
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function captureWarnings(code: string): { warnings: Error[]; stop(): void } {
  const warnings: Error[] = [];
  const listener = (warning: Error & { code?: string }) => {
    if (warning.code === code) warnings.push(warning);
  };
  process.on('warning', listener);
  return { warnings, stop: () => process.off('warning', listener) };
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('OTLP export errors', () => {
  it('reports each failed export to onExportError with the URL and the cause, while the app runs', async () => {
    const base = await collectorAnswering(404);
    const failures: OtlpExportFailure[] = [];
    const sdk = await setupTelemetry({
      registerGlobal: false,
      otlp: {
        endpoint: base,
        exportIntervalMs: 100,
        exportTimeoutMs: 100,
        onExportError: (failure) => failures.push(failure),
      },
    });
    sdks.push(sdk);
    sdk.meterProvider.getMeter('t').createCounter('c').add(1);
    await until(() => failures.length >= 2);
    const [failure] = failures;
    expect(failure).toMatchObject({
      signal: 'metrics',
      url: `${base}/v1/metrics`,
      cause: 'HTTP 404',
    });
    expect(failure?.message).toContain(
      `OTLP metrics export to ${base}/v1/metrics failed: HTTP 404`,
    );
    expect(isSnakepitError(failure?.error, 'TELEMETRY_EXPORT_FAILED')).toBe(true);

    sdk.tracerProvider.getTracer('t').startSpan('s').end();
    await sdk.tracerProvider.forceFlush().catch(() => {});
    expect(failures.some((f) => f.signal === 'traces' && f.url === `${base}/v1/traces`)).toBe(true);
  });

  it('names the URL and the cause when the last export at shutdown fails', async () => {
    const port = await freePort();
    const sdk = await setupTelemetry({
      registerGlobal: false,
      bus: new EventBus(),
      otlp: { endpoint: `http://127.0.0.1:${port}`, exportTimeoutMs: 500, onExportError: () => {} },
    });
    sdk.meterProvider.getMeter('t').createCounter('c').add(1);
    const error = await sdk.shutdown().then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toContain(
      `OTLP metrics export to http://127.0.0.1:${port}/v1/metrics failed`,
    );
    expect(error?.message).toMatch(/ECONNREFUSED/);
  });

  it('by default warns once per signal, URL and cause, not at every export', async () => {
    const base = await collectorAnswering(503);
    const captured = captureWarnings(EXPORT_FAILED_WARNING);
    try {
      const sdk = await setupTelemetry({
        registerGlobal: false,
        otlp: { endpoint: base, exportIntervalMs: 100, exportTimeoutMs: 100, traces: false },
      });
      sdks.push(sdk);
      sdk.meterProvider.getMeter('t').createCounter('c').add(1);
      // About eight exports fail in this time; one warning says so.
      await new Promise((r) => setTimeout(r, 900));
    } finally {
      captured.stop();
    }
    expect(captured.warnings).toHaveLength(1);
    expect(captured.warnings[0]?.message).toContain(
      `${base}/v1/metrics failed: HTTP 429, 502, 503 or 504 (retried)`,
    );
  });

  it('repeats the default warning after the interval, with the count in between', async () => {
    let now = 0;
    const warn = createWarnOncePerCause(() => now);
    const failure = {
      signal: 'metrics',
      url: 'http://c:4318/v1/metrics',
      cause: 'ECONNREFUSED',
      message: 'OTLP metrics export to http://c:4318/v1/metrics failed: ECONNREFUSED',
      error: new Error('x'),
    } as const;
    const other = {
      ...failure,
      cause: 'HTTP 404',
      message: failure.message.replace('ECONNREFUSED', 'HTTP 404'),
    };
    const captured = captureWarnings(EXPORT_FAILED_WARNING);
    try {
      warn(failure);
      warn(failure);
      warn(other);
      now = EXPORT_WARNING_INTERVAL_MS;
      warn(failure);
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      captured.stop();
    }
    expect(captured.warnings.map((w) => w.message)).toEqual([
      failure.message,
      other.message,
      `${failure.message} (failed 2 times since the last warning)`,
    ]);
  });

  it('takes a signal path off `otlp.endpoint` and says so', async () => {
    const captured = captureWarnings(ENDPOINT_PATH_WARNING);
    const resolved = resolveSetupTelemetryOptions({
      otlp: { endpoint: 'http://collector:4318/v1/metrics' },
    });
    await new Promise((r) => setImmediate(r));
    captured.stop();
    expect(resolved.otlp && resolved.otlp.endpoint).toBe('http://collector:4318');
    expect(captured.warnings).toHaveLength(1);
    expect(captured.warnings[0]?.message).toContain('http://collector:4318 is used');
    // gRPC targets have no signal path; nothing is changed.
    const grpc = resolveSetupTelemetryOptions({
      otlp: { protocol: 'grpc', endpoint: 'http://collector:4317/v1/metrics' },
    });
    expect(grpc.otlp && grpc.otlp.endpoint).toBe('http://collector:4317/v1/metrics');
  });

  it('rejects an onExportError that is not a function', () => {
    expect(() =>
      resolveSetupTelemetryOptions({ otlp: { onExportError: 'warn' as never } }),
    ).toThrow(/otlp\.onExportError/);
  });

  it('derives the URL like the exporters do', () => {
    expect(exportUrl('http/protobuf', 'http://a:1', 'traces', {})).toBe('http://a:1/v1/traces');
    expect(exportUrl('http/protobuf', undefined, 'metrics', {})).toBe(
      'http://localhost:4318/v1/metrics',
    );
    expect(
      exportUrl('http/protobuf', undefined, 'metrics', {
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://b:2/',
      }),
    ).toBe('http://b:2/v1/metrics');
    expect(
      exportUrl('http/protobuf', undefined, 'metrics', {
        OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://m:3/x',
      }),
    ).toBe('http://m:3/x');
    expect(exportUrl('grpc', undefined, 'traces', {})).toBe('http://localhost:4317');
  });
});
