import { SnakepitError } from '../errors/SnakepitError.js';

/**
 * The error for a bad option, in the one format every Snakepit package uses:
 * ``Expected `heartbeat.intervalMs` to be an integer in 100–60000, got `-1` ``.
 */
export function invalidOption(name: string, value: unknown, expected: string): SnakepitError {
  return new SnakepitError(
    'INVALID_OPTIONS',
    `Expected \`${name}\` to be ${expected}, got \`${formatOptionValue(value)}\``,
    { details: { option: name, value } },
  );
}

/** How an option's value is shown in error messages (strings quoted, JSON otherwise). */
export function formatOptionValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
