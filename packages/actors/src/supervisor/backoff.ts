import { invalidOption } from '@snakepit/core';

/**
 * Exponential backoff between restarts of one child, with jitter and a reset
 * window (Akka's `restartWithBackoff`). The n-th consecutive restart (n from 0)
 * waits `min(maxDelayMs, minDelayMs * factor^n) * (1 + jitter * random())`.
 */
export interface BackoffOptions {
  /** Delay before the first restart, ms. @default 100 */
  readonly minDelayMs?: number;
  /** Upper bound before jitter, ms. @default 30000 */
  readonly maxDelayMs?: number;
  /** Growth per consecutive restart. @default 2 */
  readonly factor?: number;
  /** Random extra, as a fraction of the delay (0–1). @default 0.2 */
  readonly jitter?: number;
  /**
   * A child that ran this long before exiting starts again from `minDelayMs`. @default 10000
   */
  readonly resetAfterMs?: number;
}

/** {@link BackoffOptions} with every field set. */
export type ResolvedBackoffOptions = Required<BackoffOptions>;

/** Defaults of {@link BackoffOptions}. */
export const DEFAULT_BACKOFF_OPTIONS: ResolvedBackoffOptions = {
  minDelayMs: 100,
  maxDelayMs: 30_000,
  factor: 2,
  jitter: 0.2,
  resetAfterMs: 10_000,
};

/**
 * Resolves and validates backoff options (`false` stays `false`: no delay).
 * @throws SnakepitError `INVALID_OPTIONS` naming the option, the value and the range.
 */
export function resolveBackoffOptions(
  options: BackoffOptions | false,
  path: string,
): ResolvedBackoffOptions | false {
  if (options === false) return false;
  const resolved = { ...DEFAULT_BACKOFF_OPTIONS, ...options };
  check(`${path}.minDelayMs`, resolved.minDelayMs, 0, 86_400_000);
  check(`${path}.maxDelayMs`, resolved.maxDelayMs, resolved.minDelayMs, 86_400_000);
  check(`${path}.factor`, resolved.factor, 1, 100);
  check(`${path}.jitter`, resolved.jitter, 0, 1);
  check(`${path}.resetAfterMs`, resolved.resetAfterMs, 0, 86_400_000);
  return resolved;
}

function check(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw invalidOption(name, value, `a number in ${min}–${max}`);
  }
}

/** The delay before restart number `attempt` (0-based), ms. */
export function computeBackoffDelayMs(
  options: ResolvedBackoffOptions,
  attempt: number,
  random: () => number,
): number {
  const base = Math.min(options.maxDelayMs, options.minDelayMs * options.factor ** attempt);
  return Math.round(base * (1 + options.jitter * random()));
}
