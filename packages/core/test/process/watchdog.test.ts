import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isSnakepitError } from '../../src/errors/SnakepitError.js';
import { ownProcessIdentity } from '../../src/process/processIdentity.js';
import { startWatchdog } from '../../src/process/watchdog.js';
import type { Watchdog } from '../../src/process/watchdog.js';
import { killOwners, startOwner } from '../../../../tests/support/ownerProcess.js';
import {
  cleanUpProcesses,
  isGone,
  remember,
  spawnSleeper,
  tempRuntimeDir,
  testRunId,
  waitFor,
} from './procHelpers.js';

const watchdogs: Watchdog[] = [];

afterEach(async () => {
  await killOwners();
  cleanUpProcesses();
  await Promise.all(watchdogs.splice(0).map((w) => w.stop()));
});

async function ownWatchdog(registryFile: string, pollMs = 50): Promise<Watchdog> {
  const watchdog = await startWatchdog({
    runId: testRunId('wd'),
    ownerPid: process.pid,
    ownerStartTimeTicks: ownProcessIdentity().startTimeTicks,
    registryFile,
    pollMs,
  });
  watchdogs.push(watchdog!);
  return watchdog!;
}

function registryFileIn(dir: string): string {
  const file = join(dir, 'run.json');
  writeFileSync(file, '{}');
  return file;
}

describe('startWatchdog', () => {
  it("kills a run's guard-less workers and their children soon after the owner's SIGKILL", async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('wd-kill');
    const owner = startOwner({
      runId,
      processes: { dir, workers: 2, withGrandchildren: true, watchdogPollMs: 200 },
    });
    const { workers, grandchildren, watchdog, registryFile } = await owner.next('ready');
    const watchdogPid = watchdog?.pid;
    // Same run id, another (live) owner: a reused run id must not get it killed.
    const decoy = await spawnSleeper(runId);
    const environ = readFileSync(`/proc/${watchdogPid!}/environ`, 'utf8');
    expect(environ).not.toContain('SNAKEPIT_');
    const all = [...workers, ...grandchildren].map((p) => p.pid);
    owner.kill();
    await owner.exited;
    const killedAt = Date.now();
    await waitFor(() => all.every(isGone), 10_000);
    // Poll 200 ms + one scan; SIGTERM is enough for `sleep`. Generous bound:
    // the unit projects run in parallel and load both cores (the speed is
    // measured in bench/ownership.bench.mjs).
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    await waitFor(() => isGone(watchdogPid!), 10_000);
    expect(isGone(decoy.pid)).toBe(false);
    // The registry file stays for the reaper (which also removes the socket dir).
    expect(readFileSync(registryFile!, 'utf8')).toContain(runId);
  });

  it('falls back to tr + grep where grep has no -z (busybox-like)', async () => {
    const dir = tempRuntimeDir();
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    const realGrep = execFileSync('/bin/sh', ['-c', 'command -v grep'], { encoding: 'utf8' });
    writeFileSync(
      join(bin, 'grep'),
      `#!/bin/sh\ncase "$1" in -*z*) exit 2;; esac\nexec ${realGrep.trim()} "$@"\n`,
      { mode: 0o755 },
    );
    const owner = startOwner(
      { runId: testRunId('wd-tr'), processes: { dir, workers: 1, watchdogPollMs: 50 } },
      { pathPrefix: bin },
    );
    const { workers } = await owner.next('ready');
    owner.kill();
    // The fallback scans every process's environment through tr and grep,
    // two forks per process: slow on a loaded machine (it took over 10 s with
    // a load average of 16 and ~800 processes), hence the deadline.
    await waitFor(() => isGone(workers[0]!.pid), 30_000);
  }, 60_000);

  it('exits by itself when the registry file is removed (clean shutdown)', async () => {
    const file = registryFileIn(tempRuntimeDir());
    const watchdog = await ownWatchdog(file);
    await new Promise((r) => setTimeout(r, 150));
    expect(isGone(watchdog.pid)).toBe(false);
    rmSync(file);
    await waitFor(() => isGone(watchdog.pid), 2_000);
    await watchdog.stop(); // Already gone: returns at once.
  });

  it('runs while its owner lives, and stop() ends and reaps it', async () => {
    const watchdog = await ownWatchdog(registryFileIn(tempRuntimeDir()));
    remember(watchdog.pid);
    await new Promise((r) => setTimeout(r, 300));
    expect(isGone(watchdog.pid)).toBe(false);
    await watchdog.stop();
    expect(isGone(watchdog.pid)).toBe(true);
  });

  it('rejects bad options with INVALID_OPTIONS', async () => {
    await expect(
      startWatchdog({
        runId: 'r',
        ownerPid: 1,
        ownerStartTimeTicks: 0,
        registryFile: '/x',
        pollMs: 0,
      }),
    ).rejects.toSatisfy((e) => isSnakepitError(e, 'INVALID_OPTIONS'));
    await expect(
      startWatchdog({ runId: 'a b', ownerPid: 1, ownerStartTimeTicks: 0, registryFile: '/x' }),
    ).rejects.toSatisfy((e) => isSnakepitError(e, 'INVALID_OPTIONS'));
  });
});
