import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmdirSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The cgroup v2 layer of process ownership (docs/process-ownership.md).
 *
 * A process group misses a grandchild that calls `setsid()`; a cgroup does
 * not: membership is inherited on fork and only a process with write access
 * to a cgroup's parent can leave it. Where our own cgroup v2 directory is
 * writable (root, or a subtree systemd delegated to us) and the kernel has
 * `cgroup.kill` (Linux ≥ 5.14), each run gets `snakepit-<runId>/` next to
 * us and each worker `snakepit-<runId>/<workerId>.<n>/`; the worker moves
 * itself into it before it runs any other code (so nothing it forks is
 * outside), and one write of `1` to `cgroup.kill` SIGKILLs the whole tree.
 * Everywhere else, the process groups do the work alone.
 */

/** Whether a run uses cgroups: `auto` (where available), `off`, or `require` (fail without). */
export type CgroupMode = 'auto' | 'off' | 'require';

/** The outcome of {@link detectCgroupBase}. */
export type CgroupBase =
  | { readonly isAvailable: true; readonly dir: string }
  | { readonly isAvailable: false; readonly reason: string };

/** Name prefix of every run's cgroup directory (the reaper looks for it). */
export const RUN_CGROUP_PREFIX = 'snakepit-';

/**
 * Finds the cgroup v2 directory this process lives in and tells whether we
 * may create cgroups under it and move processes into them. Reads
 * `/proc/self/cgroup` and `/proc/self/mountinfo`; never throws.
 */
export function detectCgroupBase(): CgroupBase {
  let ownPath: string | undefined;
  let mountInfo: string;
  try {
    const line = readFileSync('/proc/self/cgroup', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('0::'));
    ownPath = line?.slice(3);
    mountInfo = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch (error) {
    return unavailable(`cannot read /proc (${(error as Error).message})`);
  }
  if (ownPath === undefined) return unavailable('this process is in no cgroup v2 hierarchy');
  // mountinfo: id parent major:minor root mountpoint options... - fstype source super
  const mount = mountInfo
    .split('\n')
    .map((line) => line.split(' '))
    .find((fields) => fields[fields.indexOf('-') + 1] === 'cgroup2');
  if (!mount) return unavailable('no cgroup2 file system is mounted');
  const root = unescapeMountPath(mount[3] ?? '/');
  const mountPoint = unescapeMountPath(mount[4] ?? '');
  if (
    ownPath.endsWith(' (deleted)') ||
    !(ownPath + '/').startsWith(root === '/' ? '/' : `${root}/`)
  ) {
    return unavailable(`our cgroup \`${ownPath}\` is not visible under the cgroup2 mount`);
  }
  const dir = join(mountPoint, ownPath.slice(root === '/' ? 0 : root.length));
  try {
    // Creating a child needs write access to the directory; moving a worker
    // into it needs write access to the common ancestor's cgroup.procs.
    accessSync(dir, constants.W_OK);
    accessSync(join(dir, 'cgroup.procs'), constants.W_OK);
  } catch {
    return unavailable(
      `\`${dir}\` is not writable by uid ${process.getuid?.() ?? '?'} (not delegated to us)`,
    );
  }
  return { isAvailable: true, dir };
}

/**
 * Creates the run's cgroup under `base` and checks that it has
 * `cgroup.kill`. Returns its path, or why it cannot be used (the directory
 * is then removed again).
 */
export function createRunCgroup(
  base: string,
  runId: string,
): { readonly path: string } | { readonly reason: string } {
  const path = join(base, `${RUN_CGROUP_PREFIX}${runId}`);
  try {
    mkdirSync(path);
  } catch (error) {
    return { reason: `cannot create \`${path}\` (${(error as Error).message})` };
  }
  if (!existsSync(join(path, 'cgroup.kill'))) {
    tryRmdir(path);
    return { reason: 'the kernel has no cgroup.kill (Linux 5.14 or later needed)' };
  }
  return { path };
}

/** Creates a worker's cgroup inside the run's; returns its path. Throws on failure. */
export function createWorkerCgroup(runCgroup: string, name: string): string {
  const path = join(runCgroup, name);
  mkdirSync(path);
  return path;
}

/** SIGKILLs every process in the cgroup and its descendants. Never throws. */
export function killCgroup(path: string): boolean {
  try {
    writeFileSync(join(path, 'cgroup.kill'), '1');
    return true;
  } catch {
    return false;
  }
}

/** Whether any process is left in the cgroup or below (`false` once it is gone). */
export function isCgroupPopulated(path: string): boolean {
  try {
    return /^populated 1$/m.test(readFileSync(join(path, 'cgroup.events'), 'utf8'));
  } catch {
    return false;
  }
}

/**
 * Kills everything in the cgroup, waits until it is empty (the kernel takes
 * a moment to tear killed processes down) and removes it with its child
 * cgroups. Returns false if it was still populated after `timeoutMs`.
 * Never throws.
 */
export async function removeCgroup(path: string, timeoutMs = 2000): Promise<boolean> {
  if (!existsSync(path)) return true;
  killCgroup(path);
  const deadline = Date.now() + timeoutMs;
  let pollMs = 1;
  while (isCgroupPopulated(path)) {
    if (Date.now() >= deadline) return false;
    await sleep(pollMs);
    pollMs = Math.min(pollMs * 2, 20);
  }
  removeTree(path);
  return !existsSync(path);
}

function removeTree(path: string): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
  } catch {
    return;
  }
  for (const entry of entries) removeTree(join(path, entry));
  tryRmdir(path);
}

function tryRmdir(path: string): void {
  try {
    rmdirSync(path);
  } catch {
    // Busy or gone: the reaper retries a dead run's cgroup.
  }
}

function unavailable(reason: string): CgroupBase {
  return { isAvailable: false, reason };
}

/** mountinfo escapes space, tab, newline and backslash as octal. */
function unescapeMountPath(path: string): string {
  return path.replace(/\\([0-7]{3})/g, (_, octal: string) =>
    String.fromCharCode(parseInt(octal, 8)),
  );
}
