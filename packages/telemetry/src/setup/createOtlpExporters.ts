import { createRequire } from 'node:module';
import type * as GrpcMetricsModule from '@opentelemetry/exporter-metrics-otlp-grpc';
import type { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import type * as ProtoMetricsModule from '@opentelemetry/exporter-metrics-otlp-proto';
import type * as GrpcTracesModule from '@opentelemetry/exporter-trace-otlp-grpc';
import type * as ProtoTracesModule from '@opentelemetry/exporter-trace-otlp-proto';
import type * as GrpcLogsModule from '@opentelemetry/exporter-logs-otlp-grpc';
import type * as ProtoLogsModule from '@opentelemetry/exporter-logs-otlp-proto';
import type { LogRecordExporter } from '@opentelemetry/sdk-logs';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { importOptionalPeers } from './importOptionalPeers.js';
import type { ResolvedOtlpOptions } from './resolveSetupTelemetryOptions.js';
import {
  exportUrl,
  reportingLogExporter,
  reportingMetricExporter,
  reportingSpanExporter,
} from './reportExportErrors.js';
import type { OtlpExportFailure, OtlpProtocol, OtlpSignal } from './SetupTelemetryOptions.js';

const require = createRequire(import.meta.url);

/**
 * The exporter packages of each `otlp.protocol`, by signal: optional peer
 * dependencies of this package, imported only when `otlp` asks for them.
 */
export const OTLP_EXPORTER_PACKAGES = {
  'http/protobuf': {
    metrics: '@opentelemetry/exporter-metrics-otlp-proto',
    traces: '@opentelemetry/exporter-trace-otlp-proto',
    logs: '@opentelemetry/exporter-logs-otlp-proto',
  },
  grpc: {
    metrics: '@opentelemetry/exporter-metrics-otlp-grpc',
    traces: '@opentelemetry/exporter-trace-otlp-grpc',
    logs: '@opentelemetry/exporter-logs-otlp-grpc',
  },
} as const satisfies Record<OtlpProtocol, Readonly<Record<OtlpSignal, string>>>;

/** The OTLP exporters of the configured protocol, loaded on demand (gRPC's is heavy). */
export interface OtlpExporters {
  /** The metric exporter, or `undefined` with `otlp.metrics: false`. */
  readonly metrics: PushMetricExporter | undefined;
  /** The span exporter, or `undefined` with `otlp.traces: false`. */
  readonly traces: SpanExporter | undefined;
  /** The log record exporter, or `undefined` with `otlp.logs: false`. */
  readonly logs: LogRecordExporter | undefined;
  /**
   * Starts collecting the errors of failed exports; the function returned
   * stops and gives them. `shutdown()` uses it for the last export, which the
   * SDK's readers do not reject on.
   */
  recordFailures(): () => Error[];
}

/**
 * Creates the OTLP metric and span exporters `otlp` asks for, importing
 * their packages (optional peer dependencies) on demand.
 *
 * @throws {SnakepitError} `TELEMETRY_EXPORTER_UNAVAILABLE` when an exporter
 *   package of `otlp.protocol` is not installed (the message says what to
 *   install) or fails to load.
 */
export async function createOtlpExporters(otlp: ResolvedOtlpOptions): Promise<OtlpExporters> {
  const packages = OTLP_EXPORTER_PACKAGES[otlp.protocol];
  const requestedBy =
    otlp.protocol === 'http/protobuf'
      ? "`otlp` (with `protocol: 'http/protobuf'`, the default)"
      : `\`otlp.protocol: '${otlp.protocol}'\``;
  const [metrics, traces, logs] = await importOptionalPeers(
    [
      otlp.metrics ? packages.metrics : undefined,
      otlp.traces ? packages.traces : undefined,
      otlp.logs ? packages.logs : undefined,
    ],
    requestedBy,
  );
  const exporters =
    otlp.protocol === 'grpc'
      ? createGrpcExporters(
          otlp,
          metrics as typeof GrpcMetricsModule | undefined,
          traces as typeof GrpcTracesModule | undefined,
          logs as typeof GrpcLogsModule | undefined,
        )
      : createHttpExporters(
          otlp,
          metrics as typeof ProtoMetricsModule | undefined,
          traces as typeof ProtoTracesModule | undefined,
          logs as typeof ProtoLogsModule | undefined,
        );
  const recorders = new Set<Error[]>();
  const onExportError = (failure: OtlpExportFailure) => {
    for (const recorded of recorders) recorded.push(failure.error);
    otlp.onExportError(failure);
  };
  const reporter = (signal: OtlpSignal) => ({
    protocol: otlp.protocol,
    url: exportUrl(otlp.protocol, otlp.endpoint, signal),
    signal,
    onExportError,
  });
  return {
    metrics: exporters.metrics && reportingMetricExporter(exporters.metrics, reporter('metrics')),
    traces: exporters.traces && reportingSpanExporter(exporters.traces, reporter('traces')),
    logs: exporters.logs && reportingLogExporter(exporters.logs, reporter('logs')),
    recordFailures() {
      const recorded: Error[] = [];
      recorders.add(recorded);
      return () => {
        recorders.delete(recorded);
        return recorded;
      };
    },
  };
}

function createHttpExporters(
  otlp: ResolvedOtlpOptions,
  metrics: typeof ProtoMetricsModule | undefined,
  traces: typeof ProtoTracesModule | undefined,
  logs: typeof ProtoLogsModule | undefined,
): Pick<OtlpExporters, 'metrics' | 'traces' | 'logs'> {
  const config = (path: string) => ({
    ...(otlp.endpoint === undefined ? {} : { url: `${otlp.endpoint}${path}` }),
    headers: { ...otlp.headers },
    timeoutMillis: otlp.exportTimeoutMs,
  });
  return {
    metrics: metrics && new metrics.OTLPMetricExporter(config('/v1/metrics')),
    traces: traces && new traces.OTLPTraceExporter(config('/v1/traces')),
    logs: logs && new logs.OTLPLogExporter(config('/v1/logs')),
  };
}

function createGrpcExporters(
  otlp: ResolvedOtlpOptions,
  metrics: typeof GrpcMetricsModule | undefined,
  traces: typeof GrpcTracesModule | undefined,
  logs: typeof GrpcLogsModule | undefined,
): Pick<OtlpExporters, 'metrics' | 'traces' | 'logs'> {
  const config = (exporterPackage: string) => ({
    ...(otlp.endpoint === undefined ? {} : { url: otlp.endpoint }),
    ...(Object.keys(otlp.headers).length === 0
      ? {}
      : { metadata: grpcMetadata(exporterPackage, otlp.headers) }),
    timeoutMillis: otlp.exportTimeoutMs,
  });
  const { grpc } = OTLP_EXPORTER_PACKAGES;
  return {
    metrics: metrics && new metrics.OTLPMetricExporter(config(grpc.metrics)),
    traces: traces && new traces.OTLPTraceExporter(config(grpc.traces)),
    logs: logs && new logs.OTLPLogExporter(config(grpc.logs)),
  };
}

type GrpcMetadata = NonNullable<
  NonNullable<ConstructorParameters<typeof GrpcMetricExporter>[0]>['metadata']
>;

// The gRPC exporters take headers as a `Metadata` of @grpc/grpc-js. Build it
// with the helper of the exporter's own otlp-grpc-exporter-base, resolved
// from the exporter's location: the same grpc-js copy the exporter uses,
// without this package depending on grpc-js.
function grpcMetadata(
  exporterPackage: string,
  headers: Readonly<Record<string, string>>,
): GrpcMetadata {
  const fromExporter = createRequire(require.resolve(exporterPackage));
  const base = fromExporter('@opentelemetry/otlp-grpc-exporter-base') as {
    createEmptyMetadata(): GrpcMetadata;
  };
  const metadata = base.createEmptyMetadata();
  for (const [key, value] of Object.entries(headers)) metadata.set(key.toLowerCase(), value);
  return metadata;
}
