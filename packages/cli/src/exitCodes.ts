import { isSnakepitError } from '@snakepit/core';

/** Exit statuses of the `snakepit` command. */
export const EXIT_CODES = {
  ok: 0,
  /** The pool could not start or failed; a check of `doctor` failed; a runtime error. */
  failure: 1,
  /** Bad configuration, flags or environment variables. */
  usage: 2,
} as const;

/** The exit status for an error that ended a command. */
export function exitCodeOf(error: unknown): number {
  return isSnakepitError(error, 'INVALID_OPTIONS') ? EXIT_CODES.usage : EXIT_CODES.failure;
}
