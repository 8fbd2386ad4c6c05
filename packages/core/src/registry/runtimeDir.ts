import { accessSync, chmodSync, constants, lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnakepitError } from '../errors/SnakepitError.js';

/** A default location passed over, and why. */
export interface SkippedRuntimeDir {
  readonly dir: string;
  readonly problem: string;
}

/** The runtime directory, and the default locations passed over on the way. */
export interface ResolvedRuntimeDir {
  readonly dir: string;
  readonly skipped: readonly SkippedRuntimeDir[];
}

/**
 * The per-user directory holding run registries and per-run socket
 * directories. `SNAKEPIT_RUNTIME_DIR` when set; else the first of
 * `$XDG_RUNTIME_DIR/snakepit`, `/dev/shm/snakepit-<uid>` (where `/dev/shm`
 * is writable: a tmpfs on Linux), `$TMPDIR/snakepit-<uid>` and
 * `$XDG_STATE_HOME/snakepit` (default `~/.local/state/snakepit`) that is a
 * private directory of ours, created with mode 0700. A tmpfs matters: the
 * registry is rewritten twice per worker start, and a rename on a busy ext4
 * `/tmp` took 13 ms (0.02 ms on tmpfs).
 *
 * The shared locations are predictable, so another local user may have
 * created one first (or planted a symbolic link there): such a location is
 * passed over, never followed, and the next one is tried. The choice is the
 * same for every process of the user, so `snakepit ps` and `reap` find the
 * runs. A directory of ours that others may only read is made 0700.
 *
 * @throws {SnakepitError} `REGISTRY_ERROR` when `SNAKEPIT_RUNTIME_DIR` is not
 *   a private directory of ours, or no default location can be one.
 */
export function resolveRuntimeDir(env: NodeJS.ProcessEnv = process.env): ResolvedRuntimeDir {
  if (env.SNAKEPIT_RUNTIME_DIR) {
    ensurePrivateDir(env.SNAKEPIT_RUNTIME_DIR);
    return { dir: env.SNAKEPIT_RUNTIME_DIR, skipped: [] };
  }
  const skipped: SkippedRuntimeDir[] = [];
  for (const dir of defaultLocations(env)) {
    const problem = claimPrivateDir(dir);
    if (problem === undefined) return { dir, skipped };
    skipped.push({ dir, problem });
  }
  throw new SnakepitError(
    'REGISTRY_ERROR',
    `No runtime directory could be made private to uid ${process.getuid?.()}: ${skipped
      .map((s) => `\`${s.dir}\` ${s.problem}`)
      .join('; ')}. Set SNAKEPIT_RUNTIME_DIR to a directory of yours (mode 0700).`,
    { details: { skipped } },
  );
}

/** The directory of {@link resolveRuntimeDir}. @throws {SnakepitError} `REGISTRY_ERROR` as it does. */
export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolveRuntimeDir(env).dir;
}

/** Creates `<runtimeDir>/runs/<runId>` (0700) for the run's Unix sockets and returns it. */
export function createRunDir(runId: string, env: NodeJS.ProcessEnv = process.env): string {
  const root = runtimeDir(env);
  ensurePrivateDir(join(root, 'runs'));
  const dir = join(root, 'runs', runId);
  ensurePrivateDir(dir);
  return dir;
}

/** Removes a run directory; never throws. */
export function removeRunDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // Best effort: the reaper removes what a crash left behind.
  }
}

function defaultLocations(env: NodeJS.ProcessEnv): string[] {
  const user = `snakepit-${process.getuid?.() ?? 'user'}`;
  const state = env.XDG_STATE_HOME || join(env.HOME || homedir(), '.local', 'state');
  return [
    ...(env.XDG_RUNTIME_DIR ? [join(env.XDG_RUNTIME_DIR, 'snakepit')] : []),
    ...(isWritableDir(SHARED_MEMORY_DIR) ? [join(SHARED_MEMORY_DIR, user)] : []),
    join(env.TMPDIR || tmpdir(), user),
    join(state, 'snakepit'),
  ];
}

function isWritableDir(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

const SHARED_MEMORY_DIR = '/dev/shm';

/** Makes `dir` a private directory of ours if it can be; else says why not. */
function claimPrivateDir(dir: string): string | undefined {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const problem = privacyProblem(dir);
    if (problem !== READABLE_BY_OTHERS) return problem;
    // Ours, and writable by nobody else: nothing in it can be another user's.
    chmodSync(dir, 0o700);
    return privacyProblem(dir);
  } catch (error) {
    return `cannot be made (${(error as Error).message})`;
  }
}

const READABLE_BY_OTHERS = 'is readable by other users';

function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const problem = privacyProblem(dir);
  if (problem !== undefined) {
    throw new SnakepitError(
      'REGISTRY_ERROR',
      `Expected \`${dir}\` to be a directory owned by uid ${process.getuid?.()} with mode 0700, but it ${problem}. Remove it or set SNAKEPIT_RUNTIME_DIR.`,
    );
  }
}

/** What keeps `dir` from being a private directory of ours (never following a link). */
function privacyProblem(dir: string): string | undefined {
  const stat = lstatSync(dir);
  const uid = process.getuid?.();
  if (stat.isSymbolicLink()) return 'is a symbolic link';
  if (!stat.isDirectory()) return 'is not a directory';
  if (uid !== undefined && stat.uid !== uid) return `belongs to uid ${stat.uid}`;
  if ((stat.mode & 0o022) !== 0) {
    return `is writable by other users (mode ${(stat.mode & 0o7777).toString(8)})`;
  }
  if ((stat.mode & 0o077) !== 0) return READABLE_BY_OTHERS;
  return undefined;
}
