import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EventBus } from '../events/EventBus.js';
import { RUN_ID_PATTERN, parseRunRecord } from './runRecord.js';
import type { RunRecord } from './runRecord.js';

/** One `<runId>.json` of the registry directory. */
export interface RunFile {
  readonly runId: string;
  readonly path: string;
  readonly record: RunRecord | undefined;
}

/**
 * Reads every `<runId>.json` in `registryDir`. A file that cannot be parsed
 * or validated is returned without a record, its run id is added to
 * `corrupt`, and a `snakepit.registry.error` (code `CORRUPT`) is emitted.
 * Temporary files a crashed writer left behind are removed on the way
 * (except in a dry run).
 * Never throws: a missing directory means no run ever registered there.
 */
export function readRunFiles(
  registryDir: string,
  options: { readonly corrupt: string[]; readonly bus?: EventBus; readonly isDryRun: boolean },
): RunFile[] {
  const { corrupt, bus } = options;
  let names: string[];
  try {
    names = readdirSync(registryDir);
  } catch {
    return []; // No registry directory: no run ever registered here.
  }
  if (!options.isDryRun) removeStaleTemporaries(registryDir, names);
  const files: RunFile[] = [];
  for (const name of names) {
    const runId = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
    if (!RUN_ID_PATTERN.test(runId)) continue;
    const path = join(registryDir, name);
    let parsed: RunRecord | string;
    try {
      parsed = parseRunRecord(readFileSync(path, 'utf8'), runId);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue; // Its run just ended.
      parsed = `unreadable (${(error as Error).message})`;
    }
    if (typeof parsed === 'string') {
      corrupt.push(runId);
      bus?.emit('snakepit.registry.error', {
        operation: 'reap',
        message: `Registry file ${path} is ${parsed}: its pids are not trusted; its run's processes are found by environment scan instead`,
        runId,
        code: 'CORRUPT',
      });
    }
    files.push({ runId, path, record: typeof parsed === 'string' ? undefined : parsed });
  }
  return files;
}

// A temporary file lives for microseconds; one a minute old was left by a crash.
const STALE_TMP_MS = 60_000;

function removeStaleTemporaries(registryDir: string, names: readonly string[]): void {
  for (const name of names) {
    if (!/\.json\.tmp-/.test(name)) continue;
    const path = join(registryDir, name);
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_TMP_MS) rmSync(path, { force: true });
    } catch {
      // Gone already, or not ours to remove: harmless either way.
    }
  }
}
