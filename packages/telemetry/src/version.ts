/** The instrumentation scope name of every meter and tracer this package creates. */
export const TELEMETRY_SCOPE_NAME = '@snakepit/telemetry';

/** The instrumentation scope version (this package's version). */
export const TELEMETRY_SCOPE_VERSION = '0.1.0';
