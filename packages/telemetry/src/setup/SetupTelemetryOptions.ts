import type { Attributes, ContextManager, TextMapPropagator } from '@opentelemetry/api';
import type { IMetricReader } from '@opentelemetry/sdk-metrics';
import type { SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { LogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { EventBus } from '@snakepit/core';
import type { TelemetryOptions } from '../options/TelemetryOptions.js';

/** The OTLP transport: protobuf over HTTP (port 4318) or gRPC (port 4317). */
export type OtlpProtocol = 'http/protobuf' | 'grpc';

/** A signal pushed over OTLP. */
export type OtlpSignal = 'metrics' | 'traces' | 'logs';

/** One failed OTLP export, as `otlp.onExportError` receives it. */
export interface OtlpExportFailure {
  /** What was being exported. */
  readonly signal: OtlpSignal;
  /** Where to: the URL the exporter posts to (the gRPC target for `grpc`). */
  readonly url: string;
  /** Why, short and stable: `ECONNREFUSED`, `HTTP 404`, `gRPC status 14`, … */
  readonly cause: string;
  /** One line for a person: signal, URL, cause and what to check. */
  readonly message: string;
  /** A `TELEMETRY_EXPORT_FAILED` error with the exporter's error as its `cause`. */
  readonly error: Error;
}

/** Where and how to push metrics, traces and logs over OTLP. */
export interface OtlpOptions {
  /**
   * The transport. Each needs its exporter packages installed (optional peer
   * dependencies): `@opentelemetry/exporter-{metrics,trace,logs}-otlp-proto` for
   * `http/protobuf`, `@opentelemetry/exporter-{metrics,trace,logs}-otlp-grpc` for `grpc`.
   * @default 'http/protobuf'
   */
  readonly protocol?: OtlpProtocol;
  /**
   * The collector's base URL, like `OTEL_EXPORTER_OTLP_ENDPOINT`: for
   * `http/protobuf` the signal paths `/v1/metrics`, `/v1/traces` and `/v1/logs` are appended.
   * @default the exporters' own: `OTEL_EXPORTER_OTLP_*` variables, else `http://localhost:4318` (HTTP) or `http://localhost:4317` (gRPC)
   */
  readonly endpoint?: string;
  /** Headers (gRPC metadata) on every export, e.g. `authorization`. @default {} */
  readonly headers?: Readonly<Record<string, string>>;
  /** Time between metric exports. @default 15000 */
  readonly exportIntervalMs?: number;
  /** Time one export may take before it is abandoned. @default 10000 */
  readonly exportTimeoutMs?: number;
  /** Push metrics. @default true */
  readonly metrics?: boolean;
  /** Push spans (batched). @default true */
  readonly traces?: boolean;
  /** Push log records: worker output and Python `logging` records (batched). @default true */
  readonly logs?: boolean;
  /**
   * Called for every failed export, while the app runs (the SDK itself only
   * logs them to its diagnostics logger, which is off by default). Replaces
   * the default, which emits one process warning (code
   * `SNAKEPIT_OTLP_EXPORT_FAILED`) per signal, URL and cause, repeated at most
   * every 5 minutes. Pass `() => {}` to stay silent.
   * @default one warning per signal, URL and cause, at most every 5 minutes
   */
  readonly onExportError?: (failure: OtlpExportFailure) => void;
}

/** A Prometheus scrape endpoint. */
export interface PrometheusOptions {
  /** Interface to listen on; `0.0.0.0` to be scraped from other hosts. @default '127.0.0.1' */
  readonly host?: string;
  /** Port to listen on. @default 9464 (the port registered for the OpenTelemetry Prometheus exporter) */
  readonly port?: number;
  /** Path of the scrape endpoint. @default '/metrics' */
  readonly endpoint?: string;
  /** Start an HTTP server; `false` to serve scrapes from your own server with `handlePrometheusRequest`. @default true */
  readonly serve?: boolean;
}

/** Options of `setupTelemetry`. */
export interface SetupTelemetryOptions {
  /** Resource `service.name`. @default 'snakepit' */
  readonly serviceName?: string;
  /** Resource `service.version`, when given. */
  readonly serviceVersion?: string;
  /** Resource `snakepit.run.id`, when given (the run id of the pool). */
  readonly runId?: string;
  /** More resource attributes (`deployment.environment.name`…). @default {} */
  readonly resourceAttributes?: Attributes;
  /** Push over OTLP; `false` for no push. @default false */
  readonly otlp?: OtlpOptions | false;
  /** Serve a Prometheus scrape endpoint; `false` for none. @default false */
  readonly prometheus?: PrometheusOptions | false;
  /** Register the providers (and `propagator`, `contextManager`) as the process's global ones. @default true */
  readonly registerGlobal?: boolean;
  /** Map this bus's events to the new SDK (`createTelemetry` with its meter and tracer). */
  readonly bus?: EventBus;
  /**
   * Options of the mapping when `bus` is given. `traceCalls` defaults to
   * `false` when no span goes anywhere (no `otlp` traces, no `spanProcessors`),
   * and `events['snakepit.worker.log']` when no log record goes anywhere (no
   * `otlp` logs, no `logRecordProcessors`).
   * @default {}
   */
  readonly telemetry?: Omit<TelemetryOptions, 'meter' | 'tracer' | 'logger'>;
  /** More metric readers (an in-memory one in tests…). @default [] */
  readonly metricReaders?: readonly IMetricReader[];
  /** More span processors. @default [] */
  readonly spanProcessors?: readonly SpanProcessor[];
  /** More log record processors. @default [] */
  readonly logRecordProcessors?: readonly LogRecordProcessor[];
  /** Registered globally with `registerGlobal` (e.g. `W3CTraceContextPropagator` from `@opentelemetry/core`). */
  readonly propagator?: TextMapPropagator;
  /** Registered (and enabled) globally with `registerGlobal` (e.g. `AsyncLocalStorageContextManager`). */
  readonly contextManager?: ContextManager;
}

/** The defaults of {@link SetupTelemetryOptions}. */
export const DEFAULT_SETUP_TELEMETRY_OPTIONS = {
  serviceName: 'snakepit',
  resourceAttributes: {},
  otlp: false,
  prometheus: false,
  registerGlobal: true,
  telemetry: {},
  metricReaders: [],
  spanProcessors: [],
  logRecordProcessors: [],
} as const satisfies SetupTelemetryOptions;

/** The defaults of {@link OtlpOptions} (the endpoint defaults to the exporters' own). */
export const DEFAULT_OTLP_OPTIONS = {
  protocol: 'http/protobuf',
  headers: {},
  exportIntervalMs: 15_000,
  exportTimeoutMs: 10_000,
  metrics: true,
  traces: true,
  logs: true,
} as const satisfies OtlpOptions;

/** The defaults of {@link PrometheusOptions}. */
export const DEFAULT_PROMETHEUS_OPTIONS = {
  host: '127.0.0.1',
  port: 9464,
  endpoint: '/metrics',
  serve: true,
} as const satisfies PrometheusOptions;
