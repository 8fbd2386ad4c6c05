/**
 * Explicit bucket boundaries of the Snakepit histograms, in seconds (given as
 * advice: a View may override them).
 *
 * Durations are recorded in seconds, the OpenTelemetry semantic-conventions
 * and Prometheus base unit. The buckets cover the measured ranges
 * (`docs/architecture.md#histogram-bucket-ranges`):
 * a Ping round trip is ~0.05–5 ms, a worker start ~0.2 s and up to seconds
 * when 100 start at once, a stop up to the 5 s + 2 s kill-ladder budget.
 */
export const HISTOGRAM_BUCKETS = {
  heartbeat: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
  start: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
  cleanup: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 7.5, 10, 30],
  uptime: [1, 10, 60, 300, 900, 3600, 14_400, 86_400, 604_800],
  call: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
} as const satisfies Record<string, readonly number[]>;
