/**
 * `@snakepit/telemetry`: maps Snakepit events to OpenTelemetry metrics and
 * spans through `@opentelemetry/api` only. Importing this entry point never
 * loads an SDK; `@snakepit/telemetry/setup` builds one for apps that have none.
 *
 * @packageDocumentation
 * @module @snakepit/telemetry
 */
export { createTelemetry } from './mapping/createTelemetry.js';
export type { Telemetry } from './mapping/createTelemetry.js';
export { DEFAULT_TELEMETRY_OPTIONS, resolveTelemetryOptions } from './options/TelemetryOptions.js';
export type {
  TelemetryOptions,
  TelemetrySpanOptions,
  TelemetryLogOptions,
  ResolvedTelemetryOptions,
} from './options/TelemetryOptions.js';
// The events' payloads are core's (SnakepitEventMap); this is which ones are mapped.
export { TELEMETRY_EVENT_NAMES } from './mapping/telemetryEventNames.js';
export type { TelemetryEventName } from './mapping/telemetryEventNames.js';
export { SNAKEPIT_METRICS } from './metrics/snakepitMetrics.js';
export type {
  MetricDefinition,
  MetricKind,
  SnakepitMetricKey,
  SnakepitCounterKey,
} from './metrics/snakepitMetrics.js';
export { SNAKEPIT_ATTRIBUTES, OTHER_ATTRIBUTE_VALUE } from './metrics/snakepitAttributes.js';
export { reasonClass } from './metrics/reasonClass.js';
export { WORKER_SPAN_NAMES } from './spans/WorkerSpans.js';
export { startExecuteSpan, EXECUTE_SPAN_NAME } from './spans/startExecuteSpan.js';
export { createExecuteTracing, PYTHON_HANDLER_SPAN_NAME } from './spans/createExecuteTracing.js';
export type { ExecuteTracingOptions } from './spans/createExecuteTracing.js';
export type { PythonSpanExport } from './spans/forwardedPythonSpans.js';
export type {
  ExecuteSpan,
  ExecuteSpanTarget,
  StartExecuteSpanOptions,
  EndExecuteSpanOptions,
} from './spans/startExecuteSpan.js';
export { formatTraceparent } from './spans/formatTraceparent.js';
export { TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION } from './version.js';
