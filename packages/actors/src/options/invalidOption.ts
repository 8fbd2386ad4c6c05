import { SnakepitError } from '@snakepit/core';

/** The error for a bad option: names the option, the value and what was expected. */
export function invalidOption(name: string, value: unknown, expected: string): SnakepitError {
  return new SnakepitError(
    'INVALID_OPTIONS',
    `Expected \`${name}\` to be ${expected}, got \`${formatValue(value)}\``,
    { details: { option: name, value } },
  );
}

function formatValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
