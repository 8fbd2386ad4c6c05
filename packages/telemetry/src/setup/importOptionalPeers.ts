import { SnakepitError } from '@snakepit/core';
import { readPeerRanges } from './readPeerRanges.js';

/**
 * Imports a package by name. The default is `import()` from this package's
 * location, where its (optional) peer dependencies resolve.
 */
export type ModuleImporter = (name: string) => Promise<unknown>;

/**
 * Why an exporter package could not be used, in the `reason` detail of a
 * `TELEMETRY_EXPORTER_UNAVAILABLE` error: not installed at all, or installed
 * but its import threw (a broken install, a missing dependency of its own).
 */
export type ExporterUnavailableReason = 'not-installed' | 'failed-to-load';

const importFromHere: ModuleImporter = (name) => import(name);

const NOT_FOUND_CODES: readonly unknown[] = ['ERR_MODULE_NOT_FOUND', 'MODULE_NOT_FOUND'];

/**
 * Imports the optional peer dependencies `names` (`undefined` entries are
 * skipped and give `undefined`) all at once, so that one error names every
 * package that is missing.
 *
 * @param names Package names, e.g. `@opentelemetry/exporter-trace-otlp-grpc`.
 * @param requestedBy The option that needs them, as the user would write it,
 *   e.g. ``otlp.protocol: 'grpc'``; the error message names it.
 * @param importer How to import a package. @default `import()` from this package
 * @returns The modules, in the order of `names`.
 * @throws {SnakepitError} `TELEMETRY_EXPORTER_UNAVAILABLE` with `details.reason`
 *   `'not-installed'` naming the packages, their supported version ranges and
 *   the `npm install` command; or `'failed-to-load'` (with the import's error
 *   as `cause`) when a package is installed but its import threw.
 */
export async function importOptionalPeers(
  names: readonly (string | undefined)[],
  requestedBy: string,
  importer: ModuleImporter = importFromHere,
): Promise<unknown[]> {
  const settled = await Promise.allSettled(
    names.map((name) => (name === undefined ? Promise.resolve(undefined) : importer(name))),
  );
  const failures = settled.flatMap((result, i) =>
    result.status === 'rejected' && names[i] !== undefined
      ? [{ name: names[i], error: result.reason as unknown }]
      : [],
  );
  const missing = failures.filter((f) => isNotInstalled(f.error, f.name)).map((f) => f.name);
  if (missing.length > 0) throw notInstalled(missing, requestedBy);
  const [failure] = failures;
  if (failure) throw failedToLoad(failure.name, failure.error, requestedBy);
  return settled.map((result) => (result.status === 'fulfilled' ? result.value : undefined));
}

// Node says which specifier it could not find only in the message: "Cannot
// find package 'x' imported from …" (ESM), "Cannot find module 'x'" (CJS).
// A missing file inside an installed package is quoted as a path, and a
// missing dependency of the package under its own name: neither matches.
function isNotInstalled(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    NOT_FOUND_CODES.includes(code) && typeof message === 'string' && message.includes(`'${name}'`)
  );
}

function withRange(name: string, ranges: Readonly<Record<string, string>>): string {
  const range = ranges[name];
  return range === undefined ? name : `${name}@${range}`;
}

function listOf(items: readonly string[]): string {
  return items.length <= 2
    ? items.join(' and ')
    : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

function notInstalled(missing: readonly string[], requestedBy: string): SnakepitError {
  const ranges = readPeerRanges();
  const specs = missing.map((name) => withRange(name, ranges));
  const command = `npm install ${specs.join(' ')}`;
  const what =
    missing.length > 1
      ? 'optional peer dependencies of @snakepit/telemetry that are not installed. Install them'
      : 'an optional peer dependency of @snakepit/telemetry that is not installed. Install it';
  return new SnakepitError(
    'TELEMETRY_EXPORTER_UNAVAILABLE',
    `${requestedBy} needs ${listOf(specs)}, ${what} next to @snakepit/telemetry: ` +
      `\`${command}\` (or pnpm add / yarn add), or turn that option off.`,
    { details: { reason: 'not-installed', packages: specs, requestedBy, command } },
  );
}

function failedToLoad(name: string, error: unknown, requestedBy: string): SnakepitError {
  const spec = withRange(name, readPeerRanges());
  return new SnakepitError(
    'TELEMETRY_EXPORTER_UNAVAILABLE',
    `${requestedBy} needs ${spec}, which is installed but failed to load: ${String((error as Error | undefined)?.message ?? error).replace(/\.$/, '')}. ` +
      `Reinstall it at that range: \`npm install ${spec}\`.`,
    { cause: error, details: { reason: 'failed-to-load', packages: [spec], requestedBy } },
  );
}
