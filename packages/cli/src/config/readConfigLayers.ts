import { isSnakepitError } from '@snakepit/core';
import { parseOptions } from '@snakepit/core/options';
import { z } from 'zod';
import { CONFIG_FIELDS, CONFIG_KEYS, parseFieldText } from './configFields.js';
import type { ConfigKey } from './configFields.js';
import { loadConfigFile } from './loadConfigFile.js';
import { snakepitConfigSchema } from './snakepitConfigSchema.js';
import type { SnakepitConfig } from './snakepitConfigSchema.js';

/** Values of one configuration source, by key, validated. */
export type Values = Partial<Record<ConfigKey, unknown>>;

/** The values the flags set (text converted per key), by key. */
export function pickFlags(flags: Readonly<Partial<Record<string, unknown>>>): Values {
  const values: Values = {};
  for (const key of CONFIG_KEYS) {
    const value = flags[key];
    if (value === undefined) continue;
    values[key] =
      typeof value === 'string' ? parseFieldText(CONFIG_FIELDS[key].kind, value) : value;
  }
  return values;
}

/** The values the `SNAKEPIT_*` variables set, by key. */
export function pickEnv(env: NodeJS.ProcessEnv): Values {
  const values: Values = {};
  for (const key of CONFIG_KEYS) {
    const text = env[CONFIG_FIELDS[key].env];
    // An empty variable counts as unset, as in most tools (`FOO= cmd`).
    if (text === undefined || text === '') continue;
    values[key] = parseFieldText(CONFIG_FIELDS[key].kind, text);
  }
  return values;
}

/** Validates one layer's values under the names its source uses (`--workers`, `SNAKEPIT_WORKERS`). */
export function validateLayer(
  what: string,
  values: Values,
  nameOf: (key: ConfigKey) => string,
  problems: string[],
): Values {
  const shape: Record<string, z.ZodType> = {};
  const input: Record<string, unknown> = {};
  for (const key of Object.keys(values) as ConfigKey[]) {
    shape[nameOf(key)] = CONFIG_FIELDS[key].schema;
    input[nameOf(key)] = values[key];
  }
  try {
    parseOptions(z.strictObject(shape), input, what);
    return values;
  } catch (error) {
    problems.push(section(`Invalid ${what}`, error));
    return {};
  }
}

/** Loads and validates the config file; its problems go to `problems`. */
export async function readFileLayer(
  path: string,
  problems: string[],
): Promise<{ values: Values; pool: NonNullable<SnakepitConfig['pool']> } | undefined> {
  let raw: unknown;
  try {
    raw = await loadConfigFile(path);
  } catch (error) {
    if (!isSnakepitError(error)) throw error;
    problems.push(error.message);
    return undefined;
  }
  try {
    parseOptions(snakepitConfigSchema, raw, 'config file');
  } catch (error) {
    problems.push(section(`Invalid config file ${path}`, error));
    return undefined;
  }
  // Validated: keep what was written (defaults are applied once, later).
  const { pool = {}, ...values } = raw as SnakepitConfig;
  return { values, pool };
}

/** One titled section of an error message listing a source's problems. */
export function section(title: string, error: unknown): string {
  if (!isSnakepitError(error, 'INVALID_OPTIONS')) throw error;
  const problems = (error.details.problems as string[] | undefined) ?? [error.message];
  return `${title}:\n  - ${problems.join('\n  - ')}`;
}
