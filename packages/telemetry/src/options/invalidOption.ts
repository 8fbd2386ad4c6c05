import { SnakepitError, invalidOption } from '@snakepit/core';

export { invalidOption };

/** Checks that `value` is an integer in `[min, max]`. @throws {SnakepitError} `INVALID_OPTIONS`. */
export function checkInteger(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalidOption(name, value, `an integer in ${min}–${max}`);
  }
  return value;
}

/** Checks that `value` is a boolean. @throws {SnakepitError} `INVALID_OPTIONS`. */
export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw invalidOption(name, value, 'a boolean');
  return value;
}

/** Checks that `value` is a non-empty string. @throws {SnakepitError} `INVALID_OPTIONS`. */
export function checkString(name: string, value: unknown): string {
  if (typeof value !== 'string' || value === '') {
    throw invalidOption(name, value, 'a non-empty string');
  }
  return value;
}

/** Checks that `value` is a plain object (an options bag). @throws {SnakepitError} `INVALID_OPTIONS`. */
export function checkObject(name: string, value: unknown): Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidOption(name, value, 'an object');
  }
  return value as Record<string, unknown>;
}

/** Rejects keys of `value` that are not in `known`. @throws {SnakepitError} `INVALID_OPTIONS`. */
export function checkKnownKeys(
  name: string,
  value: Readonly<Record<string, unknown>>,
  known: readonly string[],
): void {
  const unknown = Object.keys(value).filter((key) => !known.includes(key));
  if (unknown.length > 0) {
    const where = name === '' ? '' : ` in \`${name}\``;
    throw new SnakepitError(
      'INVALID_OPTIONS',
      `Unknown option${unknown.length > 1 ? 's' : ''}${where}: ${unknown.map((k) => `\`${k}\``).join(', ')} (known: ${known.join(', ')})`,
      { details: { option: name, unknown } },
    );
  }
}
