import { createRequire } from 'node:module';
import type { OTLPMetricExporter as GrpcMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import type { PushMetricExporter } from '@opentelemetry/sdk-metrics';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { ResolvedOtlpOptions } from './resolveSetupTelemetryOptions.js';

const require = createRequire(import.meta.url);

/** The OTLP exporters of the configured protocol, loaded on demand (gRPC's is heavy). */
export interface OtlpExporters {
  readonly metrics: PushMetricExporter | undefined;
  readonly traces: SpanExporter | undefined;
}

/** Creates the OTLP metric and span exporters `otlp` asks for. */
export async function createOtlpExporters(otlp: ResolvedOtlpOptions): Promise<OtlpExporters> {
  return otlp.protocol === 'grpc' ? createGrpcExporters(otlp) : createHttpExporters(otlp);
}

async function createHttpExporters(otlp: ResolvedOtlpOptions): Promise<OtlpExporters> {
  const config = (path: string) => ({
    ...(otlp.endpoint === undefined ? {} : { url: `${otlp.endpoint}${path}` }),
    headers: { ...otlp.headers },
    timeoutMillis: otlp.exportTimeoutMs,
  });
  const [metrics, traces] = await Promise.all([
    otlp.metrics ? import('@opentelemetry/exporter-metrics-otlp-proto') : undefined,
    otlp.traces ? import('@opentelemetry/exporter-trace-otlp-proto') : undefined,
  ]);
  return {
    metrics: metrics && new metrics.OTLPMetricExporter(config('/v1/metrics')),
    traces: traces && new traces.OTLPTraceExporter(config('/v1/traces')),
  };
}

async function createGrpcExporters(otlp: ResolvedOtlpOptions): Promise<OtlpExporters> {
  const [metrics, traces] = await Promise.all([
    otlp.metrics ? import('@opentelemetry/exporter-metrics-otlp-grpc') : undefined,
    otlp.traces ? import('@opentelemetry/exporter-trace-otlp-grpc') : undefined,
  ]);
  const config = (exporterPackage: string) => ({
    ...(otlp.endpoint === undefined ? {} : { url: otlp.endpoint }),
    ...(Object.keys(otlp.headers).length === 0
      ? {}
      : { metadata: grpcMetadata(exporterPackage, otlp.headers) }),
    timeoutMillis: otlp.exportTimeoutMs,
  });
  return {
    metrics:
      metrics &&
      new metrics.OTLPMetricExporter(config('@opentelemetry/exporter-metrics-otlp-grpc')),
    traces:
      traces && new traces.OTLPTraceExporter(config('@opentelemetry/exporter-trace-otlp-grpc')),
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
