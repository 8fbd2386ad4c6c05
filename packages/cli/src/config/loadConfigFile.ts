import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SnakepitError } from '@snakepit/core';

const MODULE_EXTENSIONS = ['.js', '.mjs', '.cjs', '.ts', '.mts', '.cts'];

/**
 * Reads a config file: JSON (`.json`), or a module (`.js`, `.mjs`, `.cjs`;
 * `.ts`/`.mts` where Node can load TypeScript) whose default export is the
 * config, or a function returning it (possibly async). Returns the raw
 * value; the caller validates it.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` naming the file when it is
 *   missing, unparsable, of an unknown kind, or fails to load.
 */
export async function loadConfigFile(path: string): Promise<unknown> {
  const ext = extname(path);
  if (ext === '.json') return parseJson(path, await readText(path));
  if (!MODULE_EXTENSIONS.includes(ext)) {
    throw configError(
      path,
      `Expected the config file to end in .json, .js, .mjs or .cjs (or .ts/.mts where Node loads TypeScript), got \`${ext || '(no extension)'}\``,
    );
  }
  await readText(path); // a clear "does not exist" before the module loader's message
  const module = await importModule(path, ext);
  const exported = module.default ?? module.config;
  if (exported === undefined) {
    throw configError(path, 'Expected a default export (`export default defineConfig({…})`)');
  }
  if (typeof exported !== 'function') return exported;
  try {
    return await (exported as () => unknown)();
  } catch (error) {
    throw configError(
      path,
      `Its default export, a function, threw: ${(error as Error).message ?? String(error)}`,
      error,
    );
  }
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw configError(
      path,
      code === 'ENOENT' ? 'The file does not exist' : (error as Error).message,
      error,
    );
  }
}

function parseJson(path: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw configError(path, `Not valid JSON: ${(error as Error).message}`, error);
  }
}

async function importModule(path: string, ext: string): Promise<Record<string, unknown>> {
  try {
    return (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ERR_UNKNOWN_FILE_EXTENSION' && /ts$/.test(ext)) {
      throw configError(
        path,
        `Node ${process.versions.node} cannot load TypeScript by itself (Node ≥ 22.18 can). ` +
          'Write the config as `.mjs` (typed with `defineConfig` and `// @ts-check`), ' +
          'or run with a loader: `node --import tsx $(which snakepit) run …`',
        error,
      );
    }
    throw configError(path, `Could not load the module: ${(error as Error).message}`, error);
  }
}

function configError(path: string, message: string, cause?: unknown): SnakepitError {
  return new SnakepitError('INVALID_OPTIONS', `Config file ${path}: ${message}`, {
    ...(cause === undefined ? {} : { cause }),
    details: { file: path },
  });
}
