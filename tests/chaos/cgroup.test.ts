// The cgroup v2 layer of process ownership (issue 3; docs/process-ownership.md),
// with real processes: a grandchild that leaves its worker's process group with
// setsid() and is reparented (a double fork) is found by no process-group kill
// and by no walk of descendants — only by its cgroup (or an environment scan).
//
// Needs a writable cgroup v2 hierarchy with cgroup.kill (Linux ≥ 5.14; root,
// or a delegated subtree). This machine has one; where it is missing the first
// test fails with the reason instead of the rest silently testing nothing.
// Build first: `pnpm exec tsc -b`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { EventBus } from '@snakepit/core';
import { detectCgroupBase } from '@snakepit/core/process';
import { reapOrphans } from '@snakepit/core/run';
import type { SnakepitEventMap } from '@snakepit/core';
import type { PoolOptions } from '@snakepit/python-bridge';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { usePools } from '../support/pools.js';
import { killOwners, startOwner } from '../support/ownerProcess.js';
import type { ProcessRef } from '../support/processes.js';
import {
  killRefs,
  killRun,
  processesOfRun,
  readStat,
  refOf,
  waitFor,
  waitUntilGone,
} from '../support/processes.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const ESCAPING: PoolOptions = { adapter: 'escape_adapter', pythonPath: [FIXTURES] };

// A private runtime directory: this file's reaper sees only this file's runs.
const RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'snakepit-cgroup-'));
process.env.SNAKEPIT_RUNTIME_DIR = RUNTIME_DIR;

const startPool = usePools('cgroup');
const leftovers: ProcessRef[] = [];
const runIds: string[] = [];

afterEach(async () => {
  await killOwners();
  killRefs(leftovers.splice(0));
  for (const runId of runIds.splice(0)) await killRun(runId);
});
afterAll(() => rmSync(RUNTIME_DIR, { recursive: true, force: true }));

/** The cgroup v2 path a process is in (`0::` line of /proc/PID/cgroup). */
function cgroupOf(pid: number): string | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/cgroup`, 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('0::'));
    return line?.slice(3);
  } catch {
    return undefined;
  }
}

function escapee(pid: number): ProcessRef {
  const ref = refOf(pid);
  if (!ref) throw new Error(`escapee ${pid} is already gone`);
  leftovers.push(ref);
  return ref;
}

function cgroupEvents(bus: EventBus): SnakepitEventMap['snakepit.run.cgroup'][] {
  const seen: SnakepitEventMap['snakepit.run.cgroup'][] = [];
  bus.on('snakepit.run.cgroup', (event) => seen.push(event));
  return seen;
}

describe('cgroup v2 layer', () => {
  it('is available on this machine (a writable cgroup2 hierarchy with cgroup.kill)', () => {
    const base = detectCgroupBase();
    expect(base, 'reason' in base ? base.reason : '').toMatchObject({ isAvailable: true });
  });

  it('puts each worker and its guardian in a cgroup of its own inside the run’s', async () => {
    const bus = new EventBus();
    const events = cgroupEvents(bus);
    const pool = await startPool({ size: 2, bus });
    expect(events).toHaveLength(1);
    const runCgroup = events[0]?.path;
    expect(runCgroup, events[0]?.reason).toBeDefined();
    expect(basename(runCgroup ?? '')).toBe(`snakepit-${pool.runId}`);

    const workers = pool.stats().workers.map((w) => w.pid ?? -1);
    const paths = workers.map(cgroupOf);
    expect(new Set(paths).size).toBe(2);
    for (const path of paths) expect(path).toMatch(new RegExp(`/snakepit-${pool.runId}/`));
    const children = await pool.execute<number[]>('spawn_children', { n: 1 });
    expect(paths).toContain(cgroupOf(children[0] ?? -1));

    await pool.stop();
    expect(existsSync(runCgroup ?? '/nonexistent-cgroup-path')).toBe(false);
  });

  it('kills a setsid escapee when its worker is stopped', async () => {
    const pool = await startPool({ ...ESCAPING, size: 1 });
    const escaped = escapee(await pool.execute<number>('escape'));
    const worker = pool.stats().workers[0]?.pid ?? -1;
    // It really escaped: another session and group, not our descendant.
    expect(readStat(escaped.pid)?.pgrp).not.toBe(worker);
    expect(readStat(escaped.pid)?.ppid).not.toBe(worker);

    const stoppedAt = performance.now();
    await pool.stop();
    // Gone by the time stop() resolves: the cgroup was emptied before it did.
    const gone = await waitUntilGone([escaped], { sinceMs: stoppedAt, timeoutMs: 100 });
    expect(gone.survivors).toEqual([]);
  });

  it('kills a setsid escapee when its worker is SIGKILLed (its cgroup is killed)', async () => {
    const pool = await startPool({ ...ESCAPING, size: 1 });
    const escaped = escapee(await pool.execute<number>('escape'));
    const worker = pool.stats().workers[0]?.pid ?? -1;
    const killedAt = performance.now();
    process.kill(worker, 'SIGKILL');
    const gone = await waitUntilGone([escaped], { sinceMs: killedAt, timeoutMs: 5_000 });
    expect(gone.survivors).toEqual([]);
  });

  it('kills a setsid escapee when the owner is SIGKILLed; the reaper then removes the cgroup', async () => {
    const owner = startOwner({
      pool: { ...ESCAPING, size: 2, reapOrphans: false },
      calls: [{ command: 'escape', args: { hold_s: 3600 } }],
    });
    runIds.push(owner.runId);
    const ready = await owner.next('ready');
    const worker = ready.workers.find((w) => w.role === 'escape');
    const runCgroup = cgroupOf(worker?.pid ?? -1)
      ?.split('/')
      .slice(0, -1)
      .join('/');
    expect(runCgroup).toMatch(new RegExp(`/snakepit-${owner.runId}$`));
    // The escapee is in the worker's cgroup but nowhere in the owner's tree.
    const inCgroup = readFileSync(
      join(mountOf(), cgroupOf(worker?.pid ?? -1) ?? '', 'cgroup.procs'),
      'utf8',
    )
      .split('\n')
      .filter(Boolean)
      .map(Number);
    const known = new Set(ready.descendants.map((p) => p.pid));
    const escapedPids = inCgroup.filter((pid) => !known.has(pid));
    expect(escapedPids).toHaveLength(1);
    const escaped = escapee(escapedPids[0] ?? -1);
    // The watchdog and what it runs (its `sleep`s and scans, at any depth)
    // finish the kill on their own time, after the owner's death: not the run's.
    const ofWatchdog = new Set(
      ready.descendants
        .filter((p) => 'cmd' in p && String(p.cmd).includes('snakepit-watchdog'))
        .map((p) => p.pid),
    );
    for (let isGrowing = true; isGrowing; ) {
      isGrowing = false;
      for (const p of ready.descendants) {
        if (ofWatchdog.has(p.pid) || !('ppid' in p) || !ofWatchdog.has(Number(p.ppid))) continue;
        ofWatchdog.add(p.pid);
        isGrowing = true;
      }
    }
    const everything = [...ready.descendants, escaped].filter((p) => !ofWatchdog.has(p.pid));

    const killedAt = owner.kill();
    const gone = await waitUntilGone(everything, { sinceMs: killedAt, timeoutMs: 15_000 });
    expect(gone.survivors).toEqual([]);

    const dir = join(mountOf(), runCgroup ?? '');
    expect(existsSync(dir)).toBe(true); // nobody was left to remove it…
    // The owner's watchdog finishes its kill and exits on its own; until then
    // the run still has a live process of its own, which the reaper rightly leaves.
    await waitFor(
      () => processesOfRun(owner.runId).length === 0,
      10_000,
      'every process of the run (the watchdog too) gone',
    );
    await reapOrphans();
    expect(existsSync(dir)).toBe(false); // …until the next start's reaper
  });

  it('lets the watchdog kill an unguarded run’s cgroup and remove it when the owner is SIGKILLed', async () => {
    const owner = startOwner({
      pool: {
        ...ESCAPING,
        size: 1,
        reapOrphans: false,
        watchdog: true,
        env: { SNAKEPIT_GUARDS: 'off' },
      },
      calls: [{ command: 'escape', args: { hold_s: 3600 } }],
    });
    runIds.push(owner.runId);
    const ready = await owner.next('ready');
    const worker = ready.workers[0]?.pid ?? -1;
    const workerCgroup = join(mountOf(), cgroupOf(worker) ?? '');
    const runDir = join(workerCgroup, '..');
    const inside = readFileSync(join(workerCgroup, 'cgroup.procs'), 'utf8')
      .split('\n')
      .filter(Boolean);
    const everything = inside.map((pid) => escapee(Number(pid)));
    expect(everything.length).toBe(2); // the worker and its escapee: no guardian with guards off

    const killedAt = owner.kill();
    const gone = await waitUntilGone(everything, { sinceMs: killedAt, timeoutMs: 5_000 });
    expect(gone.survivors).toEqual([]);
    // No reaper ran: the watchdog removed the cgroups itself.
    await waitUntilTrue(() => !existsSync(runDir), 5_000);
  });

  it('a pool that fails before any worker starts leaves no run cgroup behind', async () => {
    const base = detectCgroupBase();
    if (!base.isAvailable) throw new Error(base.reason);
    // Its socket directory cannot be made: `runs` is a file.
    const runtimeDir = mkdtempSync(join(tmpdir(), 'snakepit-cgroup-broken-'));
    writeFileSync(join(runtimeDir, 'runs'), 'not a directory');
    const bus = new EventBus();
    const events = cgroupEvents(bus);
    const runId = `cgroup-fail-${process.pid}-${runIds.length}`;
    runIds.push(runId);
    process.env.SNAKEPIT_RUNTIME_DIR = runtimeDir;
    try {
      await expect(startPool({ size: 1, runId, bus })).rejects.toThrow(/runs/);
    } finally {
      process.env.SNAKEPIT_RUNTIME_DIR = RUNTIME_DIR;
      rmSync(runtimeDir, { recursive: true, force: true });
    }
    expect(events.map((e) => e.path)).toEqual([join(base.dir, `snakepit-${runId}`)]);
    expect(existsSync(join(base.dir, `snakepit-${runId}`))).toBe(false);
  });

  it('with cgroup: off, a setsid escapee outlives its worker (the documented limit) but not the pool', async () => {
    const bus = new EventBus();
    const events = cgroupEvents(bus);
    const reaped: SnakepitEventMap['snakepit.orphan.reaped'][] = [];
    bus.on('snakepit.orphan.reaped', (event) => reaped.push(event));
    const pool = await startPool({ ...ESCAPING, size: 1, cgroup: 'off', bus });
    expect(events).toEqual([]);
    const worker = pool.stats().workers[0]!;
    expect(cgroupOf(worker.pid ?? -1)).not.toMatch(/snakepit-/);
    const escaped = escapee(await pool.execute<number>('escape'));
    process.kill(worker.pid!, 'SIGKILL');
    await waitUntilTrue(() => pool.stats().workers[0]?.restarts === 1, 10_000);
    await expect(pool.execute('add', { a: 1, b: 1 })).resolves.toBe(2);
    const afterRestart = await waitUntilGone([escaped], {
      sinceMs: performance.now(),
      timeoutMs: 300,
    });
    expect(afterRestart.survivors, 'no cgroup: the escapee outlives its worker').toEqual([escaped]);
    // A clean stop sweeps what still carries the run id before the registry file goes.
    await pool.stop();
    const afterStop = await waitUntilGone([escaped], {
      sinceMs: performance.now(),
      timeoutMs: 2_000,
    });
    expect(afterStop.survivors).toEqual([]);
    // Only the escapee: the guardians, which exit just after their workers, are not orphans.
    expect(reaped.map((e) => [e.pid, e.foundBy, e.runId])).toEqual([
      [escaped.pid, 'scan', pool.runId],
    ]);
  });
});

async function waitUntilTrue(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The mount point of the cgroup2 hierarchy (where `path`s from /proc/PID/cgroup start). */
function mountOf(): string {
  const base = detectCgroupBase();
  if (!base.isAvailable) throw new Error(base.reason);
  const own = cgroupOf(process.pid) ?? '/';
  return own === '/' ? base.dir : base.dir.slice(0, base.dir.length - own.length);
}
