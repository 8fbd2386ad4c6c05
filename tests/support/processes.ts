import { readFileSync, readdirSync } from 'node:fs';

/** Pids of live (non-zombie) processes whose environment has `SNAKEPIT_RUN_ID=<runId>`. */
export function processesOfRun(runId: string): number[] {
  const found: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'latin1');
      if (!env.split('\0').includes(`SNAKEPIT_RUN_ID=${runId}`)) continue;
      if (isZombie(Number(entry))) continue;
      found.push(Number(entry));
    } catch {
      // The process ended while we looked, or is not ours to read.
    }
  }
  return found;
}

/**
 * Pids of the run's Python workers: {@link processesOfRun} without each
 * worker's guardian process (named `snakepit-guard`) and other helpers.
 */
export function workersOfRun(runId: string): number[] {
  return processesOfRun(runId).filter((pid) => {
    try {
      return !readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('snakepit-guard');
    } catch {
      return false;
    }
  });
}

/** Whether `pid` is gone or a zombie (a zombie nobody reaps still counts as gone). */
export function isGone(pid: number): boolean {
  try {
    return isZombie(pid);
  } catch {
    return true;
  }
}

function isZombie(pid: number): boolean {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
}

/** Polls `check` every 20 ms until it holds; fails after `timeoutMs`. */
export async function waitFor(
  check: () => boolean,
  timeoutMs = 5_000,
  what = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** SIGKILLs every process of the run (test clean-up that runs even after failures). */
export function killRun(runId: string): void {
  for (const pid of processesOfRun(runId)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
