import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readProcStat, readProcessEnvironment } from '../../src/process/procfs.js';
import { signalVerified } from '../../src/process/signalVerified.js';
import type { VerifiedProcess } from '../../src/process/signalVerified.js';
import { spawnProcess } from '../../src/process/spawnProcess.js';
import type { ManagedProcess } from '../../src/process/ManagedProcess.js';
import { commOf, waitFor } from '../../../../tests/support/proc.mjs';

// The polls and /proc readers every test project shares (tests/support/proc.mjs);
// what follows is only what core's unit tests need on top.
export { isGone, waitFor } from '../../../../tests/support/proc.mjs';

const remembered: VerifiedProcess[] = [];
const tempDirs: string[] = [];

/**
 * Remembers a process (by pid AND start time) for {@link cleanUpProcesses}:
 * a pid alone could be reused by the time a failed test cleans up.
 */
export function remember(pid: number): void {
  const stat = readProcStat(pid);
  if (!stat) return;
  remembered.push({ pid, startTimeTicks: stat.startTimeTicks, isGroupLeader: stat.pgrp === pid });
}

/** SIGKILLs every remembered process (and group) still verifiably the same; for afterEach. */
export function cleanUpProcesses(): void {
  for (const target of remembered.splice(0)) signalVerified(target, 'SIGKILL');
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh private runtime directory, removed by {@link cleanUpProcesses}. */
export function tempRuntimeDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'snakepit-rt-'));
  tempDirs.push(dir);
  return dir;
}

/** A unique run id for one test. */
export function testRunId(label: string): string {
  return `test-${label}-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Spawns a remembered `exec sleep 30` in its own group, through `spawnProcess`. */
export async function spawnSleeper(runId: string, token?: string): Promise<ManagedProcess> {
  const proc = await spawnProcess({
    command: '/bin/sh',
    args: ['-c', 'exec sleep 30'],
    runId,
    workerId: 'sleeper',
    ...(token === undefined ? {} : { token }),
  });
  remember(proc.pid);
  await untilExecuted(proc.pid, 'sleep');
  // The kernel names the task (comm) before it sets up the new environment
  // block: wait for the environment too (a run on Node 24 read it empty once).
  await waitFor(
    () => readProcessEnvironment(proc.pid)?.get('SNAKEPIT_RUN_ID') === runId,
    5_000,
    `pid ${proc.pid}'s environment`,
  );
  return proc;
}

/**
 * Waits until `pid` runs `comm`: while a process is inside execve() its
 * /proc/PID/environ can read as empty, which would make identity checks flaky.
 */
export async function untilExecuted(pid: number, comm: string): Promise<void> {
  await waitFor(() => commOf(pid) === comm, 5_000, `pid ${pid} running ${comm}`);
}
