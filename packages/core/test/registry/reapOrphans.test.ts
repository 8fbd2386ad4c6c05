import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventBus } from '../../src/events/EventBus.js';
import type { SnakepitEventMap } from '../../src/events/SnakepitEvents.js';
import { readProcStat, readBootId } from '../../src/process/procfs.js';
import { reapOrphans } from '../../src/registry/reapOrphans.js';
import type { RunRecord } from '../../src/registry/runRecord.js';
import {
  cleanUpProcesses,
  isGone,
  remember,
  spawnSleeper,
  tempRuntimeDir,
  testRunId,
  untilExecuted,
} from '../process/procHelpers.js';
import { killOwners, startOwner } from '../../../../tests/support/ownerProcess.js';
import type { OwnerReady, OwnedProcessesSpec } from '../../../../tests/support/ownerProcess.js';

afterEach(async () => {
  await killOwners();
  cleanUpProcesses();
});

/** An owner of guard-less workers in a registry under `dir`, once they all run. */
async function ownerOf(
  runId: string,
  processes: OwnedProcessesSpec,
): Promise<{ info: OwnerReady; kill: () => Promise<void> }> {
  const owner = startOwner({ runId, processes });
  const info = await owner.next('ready');
  return {
    info,
    // SIGKILLed and reaped: its workers are now orphans.
    kill: async () => {
      owner.kill();
      await owner.exited;
    },
  };
}

function recordingBus(): {
  bus: EventBus;
  reaped: SnakepitEventMap['snakepit.orphan.reaped'][];
  errors: SnakepitEventMap['snakepit.registry.error'][];
} {
  const bus = new EventBus();
  const reaped: SnakepitEventMap['snakepit.orphan.reaped'][] = [];
  const errors: SnakepitEventMap['snakepit.registry.error'][] = [];
  bus.on('snakepit.orphan.reaped', (e) => reaped.push(e));
  bus.on('snakepit.registry.error', (e) => errors.push(e));
  return { bus, reaped, errors };
}

/** Writes a hand-made registry file; the owner pid is one no process holds. */
function writeRecord(dir: string, runId: string, patch: Partial<RunRecord>): string {
  const record: RunRecord = {
    version: 1,
    runId,
    owner: { pid: 2 ** 22 + 7, startTimeTicks: 1, bootId: readBootId()! },
    createdAtMs: Date.now(),
    workers: {},
    ...patch,
  };
  mkdirSync(join(dir, 'registry'), { recursive: true, mode: 0o700 });
  const file = join(dir, 'registry', `${runId}.json`);
  writeFileSync(file, JSON.stringify(record));
  return file;
}

const startOf = (pid: number): number => readProcStat(pid)!.startTimeTicks;

describe('reapOrphans', () => {
  it('kills the verified orphans of a dead run and their grandchildren, then removes its files', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('dead');
    const owner = await ownerOf(runId, { dir, workers: 2, withGrandchildren: true });
    const { workers, registryFile, runDir } = owner.info;
    const grandchildren = owner.info.grandchildren.map((g) => g.pid);
    await owner.kill();
    const all = [...workers.map((w) => w.pid), ...grandchildren];
    expect(all.filter(isGone)).toEqual([]); // Guard-less: they outlive their owner.
    // One grandchild per worker escaped its group with setsid: killpg cannot
    // reach it. The shell reports its pid before setsid() has run in it, so
    // wait for that (on a loaded machine it can take a while).
    await vi.waitFor(
      () =>
        expect(grandchildren.filter((pid) => readProcStat(pid)!.session === pid)).toHaveLength(2),
      { timeout: 5_000, interval: 20 },
    );
    const { bus, reaped } = recordingBus();
    const report = await reapOrphans({ dir, bus, termGraceMs: 200 });
    expect(all.filter((pid) => !isGone(pid))).toEqual([]);
    expect(report.reaped.map((r) => r.pid).sort()).toEqual([...all].sort());
    expect(report.removedRuns).toEqual([runId]);
    expect(report.skippedLiveRuns).toEqual([]);
    expect(existsSync(registryFile!)).toBe(false);
    expect(existsSync(runDir!)).toBe(false);
    const byPid = new Map(reaped.map((e) => [e.pid, e]));
    for (const w of workers) {
      expect(byPid.get(w.pid)).toMatchObject({ runId, workerId: w.id, foundBy: 'registry' });
    }
    // The setsid escapee left the worker's group: only the environment scan finds it.
    for (const pid of grandchildren) expect(byPid.get(pid)).toMatchObject({ foundBy: 'scan' });
  });

  it('leaves a live run alone', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('live');
    const owner = await ownerOf(runId, { dir, workers: 1 });
    const report = await reapOrphans({ dir, termGraceMs: 200 });
    expect(report).toEqual({ reaped: [], skippedLiveRuns: [runId], corrupt: [], removedRuns: [] });
    expect(isGone(owner.info.workers[0]!.pid)).toBe(false);
    expect(existsSync(owner.info.registryFile!)).toBe(true);
  });

  it('reports without killing or removing anything in a dry run', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('dry');
    const owner = await ownerOf(runId, { dir, workers: 2 });
    await owner.kill();
    const report = await reapOrphans({ dir, dryRun: true });
    expect(report.reaped).toHaveLength(2);
    expect(report.reaped.every((r) => r.signal === 'SIGTERM')).toBe(true);
    expect(report.removedRuns).toEqual([runId]);
    expect(owner.info.workers.filter((w) => isGone(w.pid))).toEqual([]);
    expect(existsSync(owner.info.registryFile!)).toBe(true);
  });

  it('leaves alone a pid that now belongs to another process (start time or token differ)', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('reused');
    const other = testRunId('other');
    const a = await spawnSleeper(other);
    const b = await spawnSleeper(other);
    writeRecord(dir, runId, {
      workers: {
        w1: { state: 'running', token: a.token, pid: a.pid, startTimeTicks: startOf(a.pid) + 1 },
        w2: {
          state: 'running',
          token: 'not-its-token',
          pid: b.pid,
          startTimeTicks: startOf(b.pid),
        },
      },
    });
    const report = await reapOrphans({ dir, termGraceMs: 200 });
    expect(report.reaped).toEqual([]);
    expect(report.removedRuns).toEqual([runId]);
    expect([a.pid, b.pid].filter(isGone)).toEqual([]);
  });

  it('kills the process of a registry entry without a token only if its environment names the run', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('tokenless');
    // Pid, start time and boot id match, as a hand-written entry can make them.
    const ofOtherRun = await spawnSleeper(testRunId('other'));
    const bare = spawn('/bin/sleep', ['30'], { detached: true, stdio: 'ignore', env: {} });
    remember(bare.pid!);
    await untilExecuted(bare.pid!, 'sleep');
    const own = await spawnSleeper(runId);
    const entry = (pid: number) => ({
      state: 'running' as const,
      pid,
      startTimeTicks: startOf(pid),
    });
    writeRecord(dir, runId, {
      workers: { w1: entry(ofOtherRun.pid), w2: entry(bare.pid!), w3: entry(own.pid) },
    });
    const report = await reapOrphans({ dir, termGraceMs: 200 });
    expect(report.reaped.map((r) => r.pid)).toEqual([own.pid]);
    expect(isGone(own.pid)).toBe(true);
    expect([ofOtherRun.pid, bare.pid!].filter(isGone)).toEqual([]);
    expect(report.removedRuns).toEqual([runId]);
  });

  it('spares a process naming the run whose named owner is alive, and keeps the file', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('claimed');
    // Its SNAKEPIT_OWNER_PID is this (live) test process; its token is not registered.
    const proc = await spawnSleeper(runId);
    const file = writeRecord(dir, runId, {});
    const report = await reapOrphans({ dir, termGraceMs: 200 });
    expect(report).toMatchObject({ reaped: [], skippedLiveRuns: [runId], removedRuns: [] });
    expect(isGone(proc.pid)).toBe(false);
    expect(existsSync(file)).toBe(true);
  });

  it('does not trust a truncated or malformed file, and cleans its run by environment scan', async () => {
    const dir = tempRuntimeDir();
    const truncatedRun = testRunId('trunc');
    const malformedRun = testRunId('shape');
    const first = await ownerOf(truncatedRun, { dir, workers: 1 });
    const second = await ownerOf(malformedRun, { dir, workers: 1 });
    await Promise.all([first.kill(), second.kill()]);
    const text = readFileSync(first.info.registryFile!, 'utf8');
    writeFileSync(first.info.registryFile!, text.slice(0, text.length / 2));
    writeFileSync(second.info.registryFile!, JSON.stringify({ version: 2, workers: [] }));
    const { bus, errors } = recordingBus();
    const report = await reapOrphans({ dir, bus, termGraceMs: 200 });
    expect([...report.corrupt].sort()).toEqual([truncatedRun, malformedRun].sort());
    expect(errors.map((e) => e.code)).toEqual(['CORRUPT', 'CORRUPT']);
    const workers = [first, second].map((o) => o.info.workers[0]!.pid);
    expect(workers.filter((pid) => !isGone(pid))).toEqual([]);
    expect([...report.reaped.map((r) => r.pid)].sort()).toEqual([...workers].sort());
    expect([...report.removedRuns].sort()).toEqual([truncatedRun, malformedRun].sort());
  });

  it('removes a file from a previous boot without killing anything', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('boot');
    // Even a process that carries the run id and the registered token is spared:
    // pids and start times from another boot mean nothing.
    const proc = await spawnSleeper(runId);
    const file = writeRecord(dir, runId, {
      owner: { pid: 2 ** 22 + 7, startTimeTicks: 1, bootId: 'another-boot' },
      workers: {
        w1: {
          state: 'running',
          token: proc.token,
          pid: proc.pid,
          startTimeTicks: startOf(proc.pid),
        },
      },
    });
    const report = await reapOrphans({ dir, termGraceMs: 200 });
    expect(report).toMatchObject({ reaped: [], removedRuns: [runId], corrupt: [] });
    expect(isGone(proc.pid)).toBe(false);
    expect(existsSync(file)).toBe(false);
  });

  it('leaves alone a run written in another pid namespace', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('ns');
    // Its pids would match here, but they name other processes in its namespace.
    const proc = await spawnSleeper(runId);
    const file = writeRecord(dir, runId, {
      owner: {
        pid: 2 ** 22 + 7,
        startTimeTicks: 1,
        bootId: readBootId()!,
        pidNamespace: 'pid:[1]',
      },
      workers: {
        w1: {
          state: 'running',
          token: proc.token,
          pid: proc.pid,
          startTimeTicks: startOf(proc.pid),
        },
      },
    });
    const report = await reapOrphans({ dir, termGraceMs: 200 });
    expect(report).toEqual({ reaped: [], skippedLiveRuns: [runId], corrupt: [], removedRuns: [] });
    expect(isGone(proc.pid)).toBe(false);
    expect(existsSync(file)).toBe(true);
  });
});
