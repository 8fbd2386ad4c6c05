/**
 * `@snakepit/telemetry/setup`: builds an OpenTelemetry SDK (metrics and
 * traces, OTLP and Prometheus) for apps that have none. A separate entry
 * point so that importing the mapping never loads an SDK.
 *
 * @packageDocumentation
 * @module @snakepit/telemetry/setup
 */
export { setupTelemetry } from './setupTelemetry.js';
export type { TelemetrySdk } from './setupTelemetry.js';
export {
  DEFAULT_SETUP_TELEMETRY_OPTIONS,
  DEFAULT_OTLP_OPTIONS,
  DEFAULT_PROMETHEUS_OPTIONS,
} from './SetupTelemetryOptions.js';
export type {
  SetupTelemetryOptions,
  OtlpOptions,
  OtlpProtocol,
  OtlpSignal,
  OtlpExportFailure,
  PrometheusOptions,
} from './SetupTelemetryOptions.js';
export { EXPORT_FAILED_WARNING, EXPORT_WARNING_INTERVAL_MS } from './reportExportErrors.js';
export type { ExporterUnavailableReason } from './importOptionalPeers.js';
export {
  resolveSetupTelemetryOptions,
  ENDPOINT_PATH_WARNING,
} from './resolveSetupTelemetryOptions.js';
export type {
  ResolvedSetupTelemetryOptions,
  ResolvedOtlpOptions,
} from './resolveSetupTelemetryOptions.js';
