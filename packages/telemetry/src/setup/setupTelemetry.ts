import type { IncomingMessage, ServerResponse } from 'node:http';
import { context, metrics, propagation, trace } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import { PrometheusExporter } from '@opentelemetry/exporter-prometheus';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import type { Resource } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import type { IMetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { BatchLogRecordProcessor, LoggerProvider } from '@opentelemetry/sdk-logs';
import type { LogRecordProcessor } from '@opentelemetry/sdk-logs';
import { ATTR_SERVICE_NAME, ATTR_SERVICE_VERSION } from '@opentelemetry/semantic-conventions';
import { SnakepitError } from '@snakepit/core';
import { createTelemetry } from '../mapping/createTelemetry.js';
import type { Telemetry } from '../mapping/createTelemetry.js';
import { SNAKEPIT_ATTRIBUTES } from '../metrics/snakepitAttributes.js';
import { TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION } from '../version.js';
import { createOtlpExporters } from './createOtlpExporters.js';
import { resolveSetupTelemetryOptions } from './resolveSetupTelemetryOptions.js';
import type { ResolvedSetupTelemetryOptions } from './resolveSetupTelemetryOptions.js';
import type { SetupTelemetryOptions } from './SetupTelemetryOptions.js';

/** The SDK `setupTelemetry` built, and how to stop it. */
export interface TelemetrySdk {
  /** The provider of the meters: Prometheus, OTLP and `metricReaders` read from it. */
  readonly meterProvider: MeterProvider;
  /** The provider of the tracers: OTLP and `spanProcessors` take its spans. */
  readonly tracerProvider: BasicTracerProvider;
  /** The provider of the loggers: OTLP and `logRecordProcessors` take its log records (worker output, Python `logging`). */
  readonly loggerProvider: LoggerProvider;
  /** The resource of the providers (`service.name`, `snakepit.run.id`, …). */
  readonly resource: Resource;
  /** The event mapping, when a `bus` was given. */
  readonly telemetry: Telemetry | undefined;
  /** Whether the providers became the global ones (`false` when another SDK was registered first). */
  readonly isGlobal: boolean;
  /** The scrape URL, when a Prometheus server was started. */
  readonly prometheusUrl: string | undefined;
  /** Answers one scrape from your own HTTP server (with `prometheus: { serve: false }`, or any). */
  readonly handlePrometheusRequest:
    | ((req: IncomingMessage, res: ServerResponse) => void)
    | undefined;
  /** Exports what is pending now (metrics, spans and log records). */
  forceFlush(): Promise<void>;
  /**
   * Stops the mapping, flushes and shuts down the providers (a last export),
   * stops the Prometheus server and unregisters the globals it registered.
   * Rejects after all of that when a flush or the last OTLP export failed,
   * with a message that names each URL and cause. Idempotent.
   */
  shutdown(): Promise<void>;
}

/**
 * Builds an OpenTelemetry SDK for an app that has none: a MeterProvider and
 * a TracerProvider with OTLP push (HTTP/protobuf or gRPC) and/or a Prometheus
 * scrape endpoint, a resource with `service.name` and `snakepit.run.id`, and,
 * given a `bus`, the event mapping on top.
 *
 * ```ts
 * const sdk = await setupTelemetry({ bus, runId, prometheus: { port: 9464 } });
 * // …
 * await sdk.shutdown();
 * ```
 *
 * The Prometheus exporter comes with this package; the OTLP exporters are
 * optional peer dependencies, imported only when `otlp` asks for them.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` for a bad option or a Prometheus port that cannot be listened on.
 * @throws {SnakepitError} `TELEMETRY_EXPORTER_UNAVAILABLE` when the exporter
 *   packages of `otlp.protocol` are not installed (the message gives the
 *   `npm install` command) or fail to load.
 */
export async function setupTelemetry(options: SetupTelemetryOptions = {}): Promise<TelemetrySdk> {
  const resolved = resolveSetupTelemetryOptions(options);
  const resource = buildResource(resolved);
  const otlp = resolved.otlp === false ? undefined : await createOtlpExporters(resolved.otlp);
  const prometheus = createPrometheusExporter(resolved);
  const readers: IMetricReader[] = [...resolved.metricReaders];
  if (prometheus) readers.push(prometheus);
  if (otlp?.metrics && resolved.otlp !== false) {
    readers.push(
      new PeriodicExportingMetricReader({
        exporter: otlp.metrics,
        exportIntervalMillis: resolved.otlp.exportIntervalMs,
        exportTimeoutMillis: resolved.otlp.exportTimeoutMs,
      }),
    );
  }
  const spanProcessors: SpanProcessor[] = [...resolved.spanProcessors];
  if (otlp?.traces) spanProcessors.push(new BatchSpanProcessor(otlp.traces));
  const logProcessors: LogRecordProcessor[] = [...resolved.logRecordProcessors];
  if (otlp?.logs) logProcessors.push(new BatchLogRecordProcessor({ exporter: otlp.logs }));
  const meterProvider = new MeterProvider({ resource, readers });
  const tracerProvider = new BasicTracerProvider({ resource, spanProcessors });
  const loggerProvider = new LoggerProvider({ resource, processors: logProcessors });
  let telemetry: Telemetry | undefined;
  let prometheusUrl: string | undefined;
  try {
    telemetry =
      resolved.bus &&
      createTelemetry(resolved.bus, {
        // Call spans with no processor to take them would cost every call a
        // recorded span for nothing (a Prometheus-only set-up).
        ...(spanProcessors.length === 0
          ? { traceCalls: false }
          : // Python's spans (a user's, in a handler) exported with the owner's.
            { pythonSpans: { spanProcessors, resource } }),
        ...resolved.telemetry,
        // Likewise a log record per line of output with nowhere to go.
        ...(logProcessors.length === 0
          ? { events: { 'snakepit.worker.log': false, ...resolved.telemetry.events } }
          : {}),
        meter: meterProvider.getMeter(TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION),
        tracer: tracerProvider.getTracer(TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION),
        logger: loggerProvider.getLogger(TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION),
      });
    prometheusUrl = await startPrometheus(prometheus, resolved);
  } catch (error) {
    // Nothing is registered yet: release what was built, leave no server or timer.
    telemetry?.shutdown();
    await Promise.allSettled([
      meterProvider.shutdown(),
      tracerProvider.shutdown(),
      loggerProvider.shutdown(),
    ]);
    throw error;
  }
  const globals = resolved.registerGlobal
    ? registerGlobals(resolved, meterProvider, tracerProvider, loggerProvider)
    : { isGlobal: false, unregister: () => {} };
  let shutdown: Promise<void> | undefined;
  return {
    meterProvider,
    tracerProvider,
    loggerProvider,
    resource,
    telemetry,
    isGlobal: globals.isGlobal,
    prometheusUrl,
    handlePrometheusRequest:
      prometheus && ((req, res) => prometheus.getMetricsRequestHandler(req, res)),
    async forceFlush() {
      await Promise.all([
        meterProvider.forceFlush(),
        tracerProvider.forceFlush(),
        loggerProvider.forceFlush(),
      ]);
    },
    shutdown() {
      shutdown ??= shutDown(
        telemetry,
        { meterProvider, tracerProvider, loggerProvider },
        globals.unregister,
        otlp?.recordFailures(),
      );
      return shutdown;
    },
  };
}

function buildResource(resolved: ResolvedSetupTelemetryOptions): Resource {
  return defaultResource().merge(
    resourceFromAttributes({
      ...resolved.resourceAttributes,
      [ATTR_SERVICE_NAME]: resolved.serviceName,
      ...(resolved.serviceVersion === undefined
        ? {}
        : { [ATTR_SERVICE_VERSION]: resolved.serviceVersion }),
      ...(resolved.runId === undefined ? {} : { [SNAKEPIT_ATTRIBUTES.runId]: resolved.runId }),
    }),
  );
}

function createPrometheusExporter(
  resolved: ResolvedSetupTelemetryOptions,
): PrometheusExporter | undefined {
  if (resolved.prometheus === false) return undefined;
  const { host, port, endpoint } = resolved.prometheus;
  // Started below, so that a port in use is an error of this call, not a log line.
  return new PrometheusExporter({ host, port, endpoint, preventServerStart: true });
}

async function startPrometheus(
  exporter: PrometheusExporter | undefined,
  resolved: ResolvedSetupTelemetryOptions,
): Promise<string | undefined> {
  if (!exporter || resolved.prometheus === false || !resolved.prometheus.serve) return undefined;
  const { host, port, endpoint } = resolved.prometheus;
  try {
    await exporter.startServer();
  } catch (error) {
    throw new SnakepitError(
      'INVALID_OPTIONS',
      `Could not serve Prometheus metrics on \`prometheus.host\`:\`prometheus.port\` ${host}:${port}: ${(error as Error).message}`,
      { cause: error, details: { option: 'prometheus.port', value: port } },
    );
  }
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}${endpoint}`;
}

// Registers what it can (the API refuses a second registration) and
// returns how to undo exactly that.
function registerGlobals(
  resolved: ResolvedSetupTelemetryOptions,
  meterProvider: MeterProvider,
  tracerProvider: BasicTracerProvider,
  loggerProvider: LoggerProvider,
): { isGlobal: boolean; unregister: () => void } {
  const undo: (() => void)[] = [];
  const hasMeter = metrics.setGlobalMeterProvider(meterProvider);
  if (hasMeter) undo.push(() => metrics.disable());
  const hasTracer = trace.setGlobalTracerProvider(tracerProvider);
  if (hasTracer) undo.push(() => trace.disable());
  // Returns the provider already registered, if any, instead of ours.
  if (logs.setGlobalLoggerProvider(loggerProvider) === loggerProvider) {
    undo.push(() => logs.disable());
  }
  if (resolved.propagator && propagation.setGlobalPropagator(resolved.propagator)) {
    undo.push(() => propagation.disable());
  }
  const { contextManager } = resolved;
  if (contextManager && context.setGlobalContextManager(contextManager.enable())) {
    undo.push(() => context.disable());
  }
  return { isGlobal: hasMeter && hasTracer, unregister: () => undo.forEach((fn) => fn()) };
}

async function shutDown(
  telemetry: Telemetry | undefined,
  providers: {
    meterProvider: MeterProvider;
    tracerProvider: BasicTracerProvider;
    loggerProvider: LoggerProvider;
  },
  unregister: () => void,
  stopRecording: (() => Error[]) | undefined,
): Promise<void> {
  // Export once while the mapping still observes pool state: its shutdown
  // removes the gauge callback, and the final export would lack them.
  const { meterProvider, tracerProvider, loggerProvider } = providers;
  const flushed = telemetry ? await Promise.allSettled([meterProvider.forceFlush()]) : [];
  telemetry?.shutdown();
  const results = [
    ...flushed,
    ...(await Promise.allSettled([
      meterProvider.shutdown(),
      tracerProvider.shutdown(),
      loggerProvider.shutdown(),
    ])),
  ];
  unregister();
  // The readers resolve even when their last export failed; the exporters
  // told us, so say it here.
  const failures = [
    ...results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : [])),
    ...(stopRecording?.() ?? []),
  ];
  if (failures.length > 0) {
    const reasons = failures.map((f) => (f instanceof Error ? f.message : String(f)));
    throw new AggregateError(
      failures,
      `Telemetry shut down, but the last export failed: ${reasons.join('; ')}`,
    );
  }
}
