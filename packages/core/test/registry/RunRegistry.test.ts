import {
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { EventBus } from '../../src/events/EventBus.js';
import type { SnakepitEventMap } from '../../src/events/SnakepitEvents.js';
import { isSnakepitError } from '../../src/errors/SnakepitError.js';
import { ownProcessIdentity } from '../../src/process/processIdentity.js';
import { RunRegistry } from '../../src/registry/RunRegistry.js';
import { createRunId } from '../../src/registry/createRunId.js';
import { RUN_ID_PATTERN } from '../../src/registry/runRecord.js';
import { writeFileAtomicSync } from '../../src/registry/writeFileAtomic.js';
import { cleanUpProcesses, tempRuntimeDir, testRunId } from '../process/procHelpers.js';

type RegistryError = SnakepitEventMap['snakepit.registry.error'];

afterEach(cleanUpProcesses);

function withErrors(): { bus: EventBus; errors: RegistryError[] } {
  const bus = new EventBus();
  const errors: RegistryError[] = [];
  bus.on('snakepit.registry.error', (e) => errors.push(e));
  return { bus, errors };
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

const identity = { pid: 4242, startTimeTicks: 777, bootId: 'b' };

describe('RunRegistry', () => {
  it('writes the owner at open, then every reservation, start and removal', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('reg');
    const registry = RunRegistry.open(runId, { dir });
    const file = join(dir, 'registry', `${runId}.json`);
    expect(registry.file).toBe(file);
    expect(statSync(join(dir, 'registry')).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const owner = ownProcessIdentity();
    expect(readJson(file)).toMatchObject({
      version: 1,
      runId,
      owner: {
        pid: owner.pid,
        startTimeTicks: owner.startTimeTicks,
        bootId: owner.bootId,
        pidNamespace: readlinkSync('/proc/self/ns/pid'),
      },
      workers: {},
    });
    registry.reserve('w1', 'tok1');
    expect(readJson(file)).toMatchObject({ workers: { w1: { state: 'reserved', token: 'tok1' } } });
    registry.recordRunning('w1', identity);
    // Written at the end of the event-loop turn, once for every change in it.
    expect(readJson(file)).toMatchObject({ workers: { w1: { state: 'reserved' } } });
    await nextTurn();
    expect(readJson(file)).toMatchObject({ workers: { w1: { state: 'running' } } });
    registry.setWatchdogPid(99);
    expect(readJson(file)).toMatchObject({
      watchdogPid: 99,
      workers: {
        w1: { state: 'running', token: 'tok1', pid: 4242, pgid: 4242, startTimeTicks: 777 },
      },
    });
    registry.remove('w1');
    await nextTurn();
    expect((readJson(file) as { workers: object }).workers).toEqual({});
    expect(readdirSync(join(dir, 'registry'))).toEqual([`${runId}.json`]);
    registry.close();
    expect(readdirSync(join(dir, 'registry'))).toEqual([]);
    registry.reserve('w2', 'late'); // After close: ignored, nothing rewritten.
    expect(readdirSync(join(dir, 'registry'))).toEqual([]);
  });

  it('writes a reservation at once unless the file already carries its token', async () => {
    const dir = tempRuntimeDir();
    const runId = testRunId('reg');
    const registry = RunRegistry.open(runId, { dir });
    const file = join(dir, 'registry', `${runId}.json`);
    registry.reserve('p1.forkserver', 'zygote');
    expect(readJson(file)).toMatchObject({ workers: { 'p1.forkserver': { token: 'zygote' } } });
    // Forked workers carry their fork server's token: a reaper finds them by
    // the entry already on disk, so their reservations wait for the turn's end.
    registry.reserve('p1.w1', 'zygote');
    registry.reserve('p1.w2', 'zygote');
    expect(Object.keys((readJson(file) as { workers: object }).workers)).toEqual(['p1.forkserver']);
    registry.reserve('p1.w3', 'own');
    expect(readJson(file)).toMatchObject({
      workers: { 'p1.w1': { token: 'zygote' }, 'p1.w3': { state: 'reserved', token: 'own' } },
    });
    registry.remove('p1.forkserver');
    registry.remove('p1.w1');
    registry.remove('p1.w2');
    await nextTurn();
    // The token left the file with its last entry: the next one is written at once.
    registry.reserve('p1.w4', 'zygote');
    expect(readJson(file)).toMatchObject({ workers: { 'p1.w4': { token: 'zygote' } } });
    registry.close();
  });

  it('keeps working in memory when the directory is unusable: one event, no throw', () => {
    const base = tempRuntimeDir();
    writeFileSync(join(base, 'not-a-dir'), '');
    const { bus, errors } = withErrors();
    // Under a regular file: fails even for root, unlike a chmod.
    const registry = RunRegistry.open(testRunId('bad'), {
      dir: join(base, 'not-a-dir', 'rt'),
      bus,
    });
    registry.reserve('w1', 't1');
    registry.recordRunning('w1', identity);
    registry.close();
    expect(registry.file).toBeUndefined();
    expect(registry.isPersisted).toBe(false);
    expect(registry.record.workers.w1).toMatchObject({ state: 'running', pid: 4242 });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ operation: 'open', code: 'ENOTDIR' });
  });

  it('reports a failing write once per kind, keeps the old file, and recovers', async () => {
    const dir = tempRuntimeDir();
    const { bus, errors } = withErrors();
    const registry = RunRegistry.open(testRunId('fault'), { dir, bus });
    registry.reserve('w1', 't1');
    // A directory where the temporary file goes makes every write fail (EISDIR).
    const blocker = `${registry.file!}.tmp-${process.pid}-${threadId}`;
    mkdirSync(blocker);
    registry.reserve('w2', 't2');
    registry.reserve('w3', 't3');
    expect(registry.isPersisted).toBe(false);
    expect(errors).toEqual([expect.objectContaining({ operation: 'write', code: 'EISDIR' })]);
    expect(Object.keys((readJson(registry.file!) as { workers: object }).workers)).toEqual(['w1']);
    rmdirSync(blocker);
    registry.remove('w1');
    await nextTurn();
    expect(registry.isPersisted).toBe(true);
    expect(Object.keys((readJson(registry.file!) as { workers: object }).workers)).toEqual([
      'w2',
      'w3',
    ]);
    registry.close();
  });

  it('rejects a run id that cannot be a file name', () => {
    for (const runId of ['', '../x', '.hidden', 'a/b', 'a b']) {
      expect(() => RunRegistry.open(runId, { dir: tempRuntimeDir() })).toThrow(
        expect.toSatisfy((e: unknown) => isSnakepitError(e, 'INVALID_OPTIONS')),
      );
    }
  });
});

describe('writeFileAtomicSync', () => {
  it('replaces the whole file or nothing', () => {
    const file = join(tempRuntimeDir(), 'f.json');
    writeFileAtomicSync(file, 'old');
    mkdirSync(`${file}.tmp-${process.pid}-${threadId}`);
    expect(() => writeFileAtomicSync(file, 'new')).toThrow(/EISDIR/);
    expect(readFileSync(file, 'utf8')).toBe('old');
    rmdirSync(`${file}.tmp-${process.pid}-${threadId}`);
    writeFileAtomicSync(file, 'new', { fsync: false });
    expect(readFileSync(file, 'utf8')).toBe('new');
  });
});

describe('createRunId', () => {
  it('makes valid, distinct run ids', () => {
    const ids = new Set(Array.from({ length: 100 }, createRunId));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(RUN_ID_PATTERN);
  });
});

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
