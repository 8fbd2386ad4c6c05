import type { z } from 'zod';
import { SnakepitError } from '../errors/SnakepitError.js';
import { formatOptionValue } from './invalidOption.js';

/**
 * Validates `input` against `schema` and returns the resolved (defaulted)
 * value. Every problem is reported at once, each naming the option, the
 * value given and what was expected:
 * ``Expected `heartbeat.intervalMs` to be an integer in 100–60000, got `-1` ``.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS`.
 */
export function parseOptions<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => describeIssue(issue, input));
  throw new SnakepitError(
    'INVALID_OPTIONS',
    `Invalid ${what} options:\n  - ${problems.join('\n  - ')}`,
    { details: { problems } },
  );
}

type Issue = z.core.$ZodIssue;

function describeIssue(issue: Issue, input: unknown): string {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = path ? ` in \`${path}\`` : '';
    return `Unknown option${issue.keys.length > 1 ? 's' : ''}${where}: ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
  }
  return `Expected \`${path || '(options)'}\` to be ${expectation(issue)}, got \`${formatOptionValue(valueAt(input, issue.path))}\``;
}

function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'integer' : issue.expected;
      return `${article(expected)} ${expected}`;
    }
    case 'too_small':
      return `${issue.inclusive ? '≥' : '>'} ${String(issue.minimum)}${sizeUnit(issue.origin)}`;
    case 'too_big':
      return `${issue.inclusive ? '≤' : '<'} ${String(issue.maximum)}${sizeUnit(issue.origin)}`;
    case 'invalid_value':
      return `one of ${issue.values.map((v) => `\`${String(v)}\``).join(', ')}`;
    default:
      return issue.message;
  }
}

function sizeUnit(origin: string): string {
  if (origin === 'string') return ' characters long';
  if (origin === 'array' || origin === 'set') return ' items long';
  return '';
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? 'an' : 'a';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
