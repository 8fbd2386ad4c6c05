import { ExportResultCode } from '@opentelemetry/core';
import type { ExportResult } from '@opentelemetry/core';
import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { LogRecordExporter, ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { SnakepitError } from '@snakepit/core';
import type { OtlpExportFailure, OtlpProtocol, OtlpSignal } from './SetupTelemetryOptions.js';

/** How often the default handler repeats a warning for the same signal, URL and cause. */
export const EXPORT_WARNING_INTERVAL_MS = 300_000;

/** The warning code of the default `otlp.onExportError`. */
export const EXPORT_FAILED_WARNING = 'SNAKEPIT_OTLP_EXPORT_FAILED';

/**
 * The default `otlp.onExportError`: one process warning per signal, URL and
 * cause, repeated at most every {@link EXPORT_WARNING_INTERVAL_MS} with the
 * number of failures in between, so that a collector that is down for an
 * hour says so a dozen times, not at every export.
 */
export function createWarnOncePerCause(
  now: () => number = Date.now,
): (failure: OtlpExportFailure) => void {
  const seen = new Map<string, { warnedAt: number; since: number }>();
  return (failure) => {
    const key = `${failure.signal} ${failure.url} ${failure.cause}`;
    const at = now();
    const last = seen.get(key);
    if (last && at - last.warnedAt < EXPORT_WARNING_INTERVAL_MS) {
      last.since += 1;
      return;
    }
    const repeated = last ? ` (failed ${last.since + 1} times since the last warning)` : '';
    seen.set(key, { warnedAt: at, since: 0 });
    process.emitWarning(`${failure.message}${repeated}`, { code: EXPORT_FAILED_WARNING });
  };
}

/**
 * The URL an exporter of `signal` posts to: the one `endpoint` gives, else
 * the one the exporter derives from `OTEL_EXPORTER_OTLP_*`, else its default.
 */
export function exportUrl(
  protocol: OtlpProtocol,
  endpoint: string | undefined,
  signal: OtlpSignal,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const withPath = (base: string) =>
    protocol === 'grpc' ? base : `${base.replace(/\/+$/, '')}/v1/${signal}`;
  if (endpoint !== undefined) return withPath(endpoint);
  const perSignal = env[`OTEL_EXPORTER_OTLP_${signal.toUpperCase()}_ENDPOINT`];
  if (perSignal) return perSignal;
  const base = env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (base) return withPath(base);
  return withPath(protocol === 'grpc' ? 'http://localhost:4317' : 'http://localhost:4318');
}

// A short, stable name for why an export failed: what a person greps for and
// what the default handler de-duplicates on.
function describeCause(protocol: OtlpProtocol, error: unknown): string {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code === 'number') return protocol === 'grpc' ? `gRPC status ${code}` : `HTTP ${code}`;
  if (typeof code === 'string' && code !== '') return code;
  const nested = (error as { cause?: { code?: unknown } } | null | undefined)?.cause?.code;
  if (typeof nested === 'string' && nested !== '') return nested;
  const message = error instanceof Error ? error.message : String(error);
  // The HTTP exporters drop the status of a retryable answer once retries run out.
  if (message === 'Export failed with retryable status')
    return 'HTTP 429, 502, 503 or 504 (retried)';
  return message.split('\n')[0]?.slice(0, 120) || 'unknown error';
}

interface Reporter {
  readonly protocol: OtlpProtocol;
  readonly url: string;
  readonly signal: OtlpSignal;
  readonly onExportError: (failure: OtlpExportFailure) => void;
}

// Turns a failed result into one that names the URL and the cause, and tells
// the handler. A throwing handler must not break the export pipeline.
function report(reporter: Reporter, result: ExportResult): ExportResult {
  if (result.code === ExportResultCode.SUCCESS) return result;
  const cause = describeCause(reporter.protocol, result.error);
  const detail = result.error?.message;
  const message =
    `OTLP ${reporter.signal} export to ${reporter.url} failed: ${cause}` +
    (detail && !detail.startsWith(cause) && !cause.endsWith('(retried)')
      ? ` (${detail.split('\n')[0]})`
      : '') +
    '. Check that the collector runs and that `otlp.endpoint` is its base URL.';
  const error = new SnakepitError('TELEMETRY_EXPORT_FAILED', message, {
    cause: result.error,
    details: { signal: reporter.signal, url: reporter.url, cause },
  });
  try {
    reporter.onExportError({
      signal: reporter.signal,
      url: reporter.url,
      cause,
      message,
      error,
    });
  } catch {
    // The handler is the app's; the exporter keeps exporting.
  }
  return { code: result.code, error };
}

/** A metric exporter that reports each failed export to `onExportError`. */
export function reportingMetricExporter(
  inner: PushMetricExporter,
  reporter: Reporter,
): PushMetricExporter {
  const wrapped: PushMetricExporter = {
    export(metrics: ResourceMetrics, done: (result: ExportResult) => void) {
      inner.export(metrics, (result) => done(report(reporter, result)));
    },
    forceFlush: () => inner.forceFlush(),
    shutdown: () => inner.shutdown(),
  };
  if (inner.selectAggregationTemporality) {
    wrapped.selectAggregationTemporality = inner.selectAggregationTemporality.bind(inner);
  }
  if (inner.selectAggregation) wrapped.selectAggregation = inner.selectAggregation.bind(inner);
  return wrapped;
}

/** A span exporter that reports each failed export to `onExportError`. */
export function reportingSpanExporter(inner: SpanExporter, reporter: Reporter): SpanExporter {
  return {
    export(spans: ReadableSpan[], done: (result: ExportResult) => void) {
      inner.export(spans, (result) => done(report(reporter, result)));
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

/** A log record exporter that reports each failed export to `onExportError`. */
export function reportingLogExporter(
  inner: LogRecordExporter,
  reporter: Reporter,
): LogRecordExporter {
  return {
    export(records: ReadableLogRecord[], done: (result: ExportResult) => void) {
      inner.export(records, (result) => done(report(reporter, result)));
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush(),
  };
}
