import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventBus } from '@snakepit/core';

/** Serves `GET /metrics` in the Prometheus text format. */
export interface MetricsEndpoint {
  /** Answers one scrape request with the current metrics. */
  handle(request: IncomingMessage, response: ServerResponse): void;
}

/** The run's OpenTelemetry SDK, as far as the CLI uses it. */
export interface RunTelemetry {
  /** `undefined` when no scrape endpoint was asked for. */
  readonly metrics: MetricsEndpoint | undefined;
  /** Flushes (a last OTLP export) and stops the SDK; rejects when the last export failed. */
  shutdown(): Promise<void>;
}

/** Options of {@link startTelemetry}. */
export interface StartTelemetryOptions {
  readonly bus: EventBus;
  readonly runId: string;
  /** Serve Prometheus scrapes (through {@link RunTelemetry.metrics}). */
  readonly prometheus: boolean;
  /** Push over OTLP; `endpoint: undefined` uses the `OTEL_EXPORTER_OTLP_*` variables. */
  readonly otlp:
    | { readonly endpoint: string | undefined; readonly protocol: 'http/protobuf' | 'grpc' }
    | undefined;
  readonly serviceVersion?: string;
}

/**
 * Maps the run's events to OpenTelemetry with `@snakepit/telemetry/setup`:
 * a Prometheus exporter served by the CLI's own HTTP servers (never a port
 * of its own) and/or OTLP push. Loaded on demand: commands that need no
 * telemetry never load an SDK.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` for an OTLP option the SDK refuses.
 */
export async function startTelemetry(options: StartTelemetryOptions): Promise<RunTelemetry> {
  if (!options.prometheus && !options.otlp) {
    return { metrics: undefined, shutdown: () => Promise.resolve() };
  }
  const { setupTelemetry } = await import('@snakepit/telemetry/setup');
  const { otlp } = options;
  const sdk = await setupTelemetry({
    bus: options.bus,
    runId: options.runId,
    serviceName: 'snakepit',
    ...(options.serviceVersion === undefined ? {} : { serviceVersion: options.serviceVersion }),
    prometheus: options.prometheus ? { serve: false } : false,
    otlp: otlp
      ? {
          protocol: otlp.protocol,
          ...(otlp.endpoint === undefined ? {} : { endpoint: otlp.endpoint }),
        }
      : false,
  });
  const handle = sdk.handlePrometheusRequest;
  return {
    metrics: handle && { handle: (request, response) => handle(request, response) },
    shutdown: () => sdk.shutdown(),
  };
}
