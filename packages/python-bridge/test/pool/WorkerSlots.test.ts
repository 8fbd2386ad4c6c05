import type { ActorRef } from '@snakepit/actors';
import { EventBus, ManualClock } from '@snakepit/core';
import type { SnakepitEventMap, SnakepitEventName } from '@snakepit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkerSlots } from '../../src/pool/WorkerSlots.js';
import type { WorkerActor } from '../../src/pool/workerActor.js';
import { createSignalRelay, sendWorkerSignal } from '../../src/pool/workerSignals.js';

const open: WorkerSlots[] = [];
afterEach(() => {
  for (const slots of open.splice(0)) slots.close();
});

function setUp(size = 2) {
  const clock = new ManualClock();
  const bus = new EventBus();
  const published: [SnakepitEventName, unknown][] = [];
  bus.onAny((name, payload) => published.push([name, payload]));
  const running: string[] = [];
  const slots = new WorkerSlots({
    ...{ poolId: 'p', size, clock, bus, concurrency: 1, drainMs: 0, hasHeartbeat: true },
    recordRunning: (workerId, pid, token) => running.push(`${workerId}:${pid}:${token}`),
  });
  open.push(slots);
  const relay = createSignalRelay(bus, (signal) => slots.deliver(signal));
  // What a worker actor's context.emit does with the relay as its host's sink.
  const actor = { emit: relay.emit.bind(relay) };
  const heard: string[] = [];
  slots.listen({
    ready: (slot) => heard.push(`ready:${slot.id}`),
    freed: (slot, calls) => heard.push(`freed:${slot.id}:${calls}`),
  });
  return { slots, bus, relay, actor, published, running, heard };
}

const noActor = {} as ActorRef<WorkerActor>;

function start(slots: WorkerSlots, index: number): void {
  const slot = slots.all[index]!;
  slot.starting(`token-${index + 1}`);
  slot.spawned(noActor, () => {});
}

describe('WorkerSlots', () => {
  it('makes slots ready from the private signal, and publishes their state changes', async () => {
    const { slots, actor, published, running, heard } = setUp();
    let isAllReady = false;
    void slots.whenAllReady().then(() => (isAllReady = true));
    start(slots, 0);
    start(slots, 1);
    sendWorkerSignal(actor, { kind: 'ready', workerId: 'p.w1', pid: 11, grpcAddress: 'unix:///a' });
    await Promise.resolve();
    expect(isAllReady).toBe(false);
    sendWorkerSignal(actor, { kind: 'ready', workerId: 'p.w2', pid: 12, grpcAddress: 'unix:///b' });
    await slots.whenAllReady();
    expect(running).toEqual(['p.w1:11:token-1', 'p.w2:12:token-2']);
    expect(heard).toEqual(['ready:p.w1', 'ready:p.w2']);
    // Observers see the states, never the signals.
    expect(published.map(([name]) => name)).toEqual(
      Array<SnakepitEventName>(4).fill('snakepit.pool.worker.state'),
    );
    expect(published[2]![1]).toEqual({
      poolId: 'p',
      workerId: 'p.w1',
      from: 'starting',
      to: 'ready',
    } satisfies SnakepitEventMap['snakepit.pool.worker.state']);
  });

  it('ignores a Ready it does not expect, and signals of unknown workers', () => {
    const { slots, actor, running } = setUp(1);
    sendWorkerSignal(actor, { kind: 'ready', workerId: 'p.w1', pid: 11, grpcAddress: 'unix:///a' });
    sendWorkerSignal(actor, { kind: 'heartbeatMissed', workerId: 'p.w9' });
    expect(slots.all[0]!.state).toBe('stopped');
    expect(running).toEqual([]);
  });

  it('routes missed Pings and Pongs to the slot, and tells the router of freed calls', () => {
    const { slots, actor, heard } = setUp(1);
    start(slots, 0);
    sendWorkerSignal(actor, { kind: 'ready', workerId: 'p.w1', pid: 11, grpcAddress: 'unix:///a' });
    const slot = slots.all[0]!;
    slot.claim();
    slot.callEnded('timeout');
    sendWorkerSignal(actor, { kind: 'heartbeatMissed', workerId: 'p.w1' });
    expect(slot.state).toBe('unhealthy');
    sendWorkerSignal(actor, { kind: 'pong', workerId: 'p.w1', rssBytes: 9, inFlight: 1 });
    expect(slot.state).toBe('busy');
    sendWorkerSignal(actor, { kind: 'pong', workerId: 'p.w1', rssBytes: 9, inFlight: 0 });
    expect(heard).toEqual(['ready:p.w1', 'freed:p.w1:1']);
    slot.exited();
  });

  it('passes every other actor event to the public bus unchanged and in order', () => {
    const { actor, published } = setUp(1);
    const exit = { workerId: 'p.w1', runId: 'r', pid: 1, timestampMs: 0, seq: 1, missed: 1 };
    actor.emit('snakepit.worker.heartbeat.timeout', exit);
    sendWorkerSignal(actor, { kind: 'heartbeatMissed', workerId: 'p.w1' });
    const ended = { actorId: 'p.w1', threadId: 3, reason: 'test', timestampMs: 0 };
    actor.emit('snakepit.actor.thread.terminated', ended);
    expect(published).toEqual([
      ['snakepit.worker.heartbeat.timeout', exit],
      ['snakepit.actor.thread.terminated', ended],
    ]);
  });

  it('keeps Node alive while a slot has no process, until closed', () => {
    const { slots, actor } = setUp(2);
    expect(slots.isKeepingAlive).toBe(true);
    start(slots, 0);
    start(slots, 1);
    sendWorkerSignal(actor, { kind: 'ready', workerId: 'p.w1', pid: 11, grpcAddress: 'unix:///a' });
    expect(slots.isKeepingAlive).toBe(true);
    sendWorkerSignal(actor, { kind: 'ready', workerId: 'p.w2', pid: 12, grpcAddress: 'unix:///b' });
    expect(slots.isKeepingAlive).toBe(false);
    // A crash: the slot waits for its restart (backoff) with no process.
    slots.all[0]!.exited(new Error('crashed'));
    expect(slots.isKeepingAlive).toBe(true);
    slots.close();
    expect(slots.isKeepingAlive).toBe(false);
    slots.all[1]!.exited();
    expect(slots.isKeepingAlive).toBe(false);
  });
});
