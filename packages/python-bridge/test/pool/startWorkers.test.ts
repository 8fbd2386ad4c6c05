import { createDynamicSupervisor } from '@snakepit/actors';
import type { ActorRef, ChildSpec, ExitReason } from '@snakepit/actors';
import { EventBus, ManualClock, isSnakepitError } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerSlots } from '../../src/pool/WorkerSlots.js';
import type { WorkerSlot } from '../../src/pool/WorkerSlot.js';
import type { WorkerActor } from '../../src/pool/workerActor.js';
import { startWorkers } from '../../src/pool/startWorkers.js';

const open: WorkerSlots[] = [];
afterEach(() => {
  for (const slots of open.splice(0)) slots.close();
});

/**
 * Child specs shaped like `workerChildSpec`, whose workers the test controls:
 * the worker of a slot in `failing` ends at once with an error (a failed
 * handshake); the others become ready or crash when the test says.
 */
function fakeWorkers(failing: ReadonlySet<string>) {
  const exits = new Map<string, (reason: ExitReason) => void>();
  const crash = (id: string, error: Error) => exits.get(id)?.(error);
  const specOf = (
    slot: WorkerSlot,
    onExit: (slot: WorkerSlot, error: Error) => void,
  ): ChildSpec => ({
    id: slot.id,
    restart: 'permanent',
    start() {
      slot.starting(`token-${slot.id}`);
      const exited = new Promise<ExitReason>((resolve) => exits.set(slot.id, resolve));
      slot.spawned({} as ActorRef<WorkerActor>, () => {});
      // As a worker actor does: it starts, then its process fails its handshake.
      if (failing.has(slot.id)) crash(slot.id, new Error(`${slot.id}: adapter import failed`));
      void exited.then((reason) => {
        const error = reason instanceof Error ? reason : undefined;
        slot.exited(error);
        if (error) onExit(slot, error);
      });
      return Promise.resolve({
        exited,
        stop: () => {
          exits.get(slot.id)?.('shutdown');
          return exited.then(() => {});
        },
      });
    },
  });
  return { specOf, crash };
}

function setUp(size: number, restart: { maxRestarts: number } = { maxRestarts: 100 }) {
  const clock = new ManualClock();
  const bus = new EventBus();
  const slots = new WorkerSlots({
    ...{ poolId: 'p', size, clock, bus, concurrency: 1, drainMs: 0, hasHeartbeat: true },
    recordRunning: () => {},
  });
  open.push(slots);
  const supervisor = createDynamicSupervisor({
    id: 'p',
    ...restart,
    periodMs: 60_000,
    backoff: { minDelayMs: 100, maxDelayMs: 100, jitter: 0 },
    clock,
    events: bus,
  });
  return { clock, slots, supervisor };
}

const ready = (slot: WorkerSlot) => slot.ready(1, 'unix:///tmp/none.sock');

/** Lets the supervisor's promise chains run. */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** Advances the clock in steps, flushing between them (restart backoff timers). */
async function advance(clock: ManualClock, ms: number, stepMs = 50): Promise<void> {
  for (let t = 0; t < ms; t += stepMs) {
    clock.advance(stepMs);
    await flush();
  }
}

describe('startWorkers', () => {
  it('resolves once every slot has been ready', async () => {
    const { slots, supervisor } = setUp(2);
    const { specOf } = fakeWorkers(new Set());
    let outcome: unknown = 'pending';
    const started = startWorkers({ poolId: 'p', slots, supervisor, startAttempts: 3, specOf });
    void started.then((value) => (outcome = value));
    await flush();
    expect(slots.all.map((slot) => slot.state)).toEqual(['starting', 'starting']);
    ready(slots.all[0]!);
    await flush();
    expect(outcome).toBe('pending');
    ready(slots.all[1]!);
    expect(await started).toBeUndefined();
    await supervisor.stop();
  });

  it('gives up once one slot failed startAttempts starts in a row, naming it and its last error', async () => {
    const { clock, slots, supervisor } = setUp(2);
    const { specOf } = fakeWorkers(new Set(['p.w2']));
    const started = startWorkers({ poolId: 'p', slots, supervisor, startAttempts: 3, specOf });
    await advance(clock, 1_000);
    ready(slots.all[0]!);
    const error = await started;
    expect(isSnakepitError(error, 'POOL_STOPPED')).toBe(true);
    expect(error?.message).toBe(
      'Pool p could not start its workers: worker p.w2 failed to start 3 times in a row (startAttempts: 3): p.w2: adapter import failed',
    );
    expect((error?.cause as Error).message).toBe('p.w2: adapter import failed');
    await supervisor.stop();
  });

  it('gives up when the supervisor does, with the last exit as the cause', async () => {
    const { clock, slots, supervisor } = setUp(1, { maxRestarts: 1 });
    const { specOf, crash } = fakeWorkers(new Set());
    const started = startWorkers({ poolId: 'p', slots, supervisor, startAttempts: 10, specOf });
    for (let i = 0; i < 3; i++) {
      await advance(clock, 200);
      crash('p.w1', new Error(`crash ${i + 1}`));
    }
    const error = await started;
    expect(isSnakepitError(error, 'POOL_STOPPED')).toBe(true);
    expect(error?.message).toMatch(/^Pool p could not start its workers: crash \d$/);
    expect(slots.all[0]!.failedStarts).toBeGreaterThanOrEqual(2);
  });
});
