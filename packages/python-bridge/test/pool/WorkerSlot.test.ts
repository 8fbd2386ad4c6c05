import type { ActorRef } from '@snakepit/actors';
import { ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import type { PoolWorkerState } from '@snakepit/core';
import { WorkerSlot } from '../../src/pool/WorkerSlot.js';
import type { WorkerActor } from '../../src/pool/workerActor.js';

/** A slot with a manual clock, its state changes logged as `from>to`. */
function setUp(options: { concurrency?: number; hasHeartbeat?: boolean } = {}) {
  const clock = new ManualClock();
  const changes: string[] = [];
  const slot = new WorkerSlot('p.w1', {
    clock,
    concurrency: options.concurrency ?? 1,
    drainMs: 7_000,
    hasHeartbeat: options.hasHeartbeat ?? true,
    onState: (s, from: PoolWorkerState) => changes.push(`${from}>${s.state}`),
  });
  return { slot, clock, changes };
}

/** The worker actor as the slot sees it: it only records what it is told. */
function fakeActor(told: string[]): ActorRef<WorkerActor> {
  return { tell: (type: string) => told.push(type) } as unknown as ActorRef<WorkerActor>;
}

function readySlot(options: { concurrency?: number; hasHeartbeat?: boolean } = {}) {
  const setup = setUp(options);
  const told: string[] = [];
  let readyCalls = 0;
  setup.slot.starting('token-1');
  setup.slot.spawned(fakeActor(told), () => readyCalls++);
  setup.slot.ready(101, 'unix:///tmp/none.sock');
  return { ...setup, told, readyCalls: () => readyCalls };
}

describe('WorkerSlot', () => {
  it('goes stopped → starting → ready, frees its start permit once, and counts restarts', () => {
    const { slot, clock, changes } = setUp();
    let permits = 0;
    expect(slot.ready(1, 'unix:///x')).toBe(false);
    slot.starting('t1');
    expect(slot.token).toBe('t1');
    expect(slot.isAwaitingProcess).toBe(true);
    slot.spawned(fakeActor([]), () => permits++);
    clock.advance(250);
    expect(slot.ready(101, 'unix:///tmp/w1.sock')).toBe(true);
    expect(slot.ready(102, 'unix:///tmp/w1.sock')).toBe(false);
    expect(permits).toBe(1);
    expect(slot.pid).toBe(101);
    expect(slot.client).toBeDefined();
    expect(slot.readyAtMs).toBe(250);
    slot.exited(new Error('crashed'));
    expect(slot.failedStarts).toBe(0);
    slot.starting('t2');
    expect(changes).toEqual([
      'stopped>starting',
      'starting>ready',
      'ready>stopped',
      'stopped>starting',
    ]);
    expect(slot.view()).toMatchObject({
      id: 'p.w1',
      state: 'starting',
      restarts: 1,
      pid: undefined,
    });
  });

  it('counts failed starts in a row until a process is ready', () => {
    const { slot } = setUp();
    for (let i = 1; i <= 3; i++) {
      slot.starting(`t${i}`);
      slot.exited(new Error('no'));
      expect(slot.failedStarts).toBe(i);
    }
    slot.starting('t4');
    slot.exited();
    expect(slot.failedStarts).toBe(3);
    slot.starting('t5');
    slot.spawned(fakeActor([]), () => {});
    slot.ready(5, 'unix:///x');
    expect(slot.failedStarts).toBe(0);
  });

  it('turns busy at its concurrency and ready again below it', () => {
    const { slot, changes } = readySlot({ concurrency: 2 });
    slot.claim();
    expect(slot.state).toBe('ready');
    slot.claim();
    expect(slot.state).toBe('busy');
    slot.release();
    expect(slot.state).toBe('ready');
    slot.release();
    slot.release();
    expect(slot.inFlight).toBe(0);
    expect(changes.slice(-2)).toEqual(['ready>busy', 'busy>ready']);
  });

  it('turns unhealthy on a missed Ping or a failed transport, and back on a Pong', () => {
    const { slot, clock } = readySlot();
    slot.heartbeatMissed();
    expect(slot.state).toBe('unhealthy');
    clock.advance(2_000);
    slot.pong(50_000_000, 0);
    expect(slot.state).toBe('ready');
    expect(slot.rssBytes).toBe(50_000_000);
    expect(slot.view().lastHeartbeatMs).toBe(0);
    slot.claim();
    slot.transportFailed();
    slot.transportFailed();
    expect(slot.state).toBe('unhealthy');
    expect(slot.transportFailuresInARow).toBe(2);
    slot.pong(1, 1);
    expect(slot.state).toBe('busy');
    // An answer from the data plane, a Python error included, clears the count.
    slot.callEnded('error');
    expect(slot.transportFailuresInARow).toBe(0);
  });

  it('tells the actor that a call answered only when a miss is left to clear', () => {
    const { slot, told } = readySlot({ concurrency: 2 });
    slot.claim();
    expect(slot.callEnded('ok')).toBe(true);
    slot.release();
    expect(told).toEqual([]);
    slot.heartbeatMissed();
    slot.claim();
    slot.callEnded('error');
    slot.release();
    expect(told).toEqual([]);
    slot.claim();
    slot.claim();
    slot.callEnded('ok');
    slot.callEnded('ok');
    expect(told).toEqual(['recordLife']);
    slot.heartbeatMissed();
    slot.pong(1, 0);
    slot.claim();
    slot.callEnded('ok');
    expect(told).toEqual(['recordLife']);
  });

  it('keeps an abandoned call’s capacity until a Pong shows it finished', () => {
    const { slot, told } = readySlot({ concurrency: 2 });
    slot.claim();
    slot.claim();
    expect(slot.callEnded('timeout')).toBe(false);
    expect(slot.abandoned).toBe(1);
    expect(slot.callEnded('ok')).toBe(true);
    slot.release();
    // Nothing to clear: no miss was reported.
    expect(told).toEqual([]);
    // Python still runs the abandoned call, then it is done.
    expect(slot.pong(1, 1)).toBe(0);
    expect(slot.pong(1, 0)).toBe(1);
    expect(slot.abandoned).toBe(0);
    expect(slot.callsCompleted).toBe(2);
  });

  it('releases an abandoned call at once without heartbeats, or once its process is gone', () => {
    const silent = readySlot({ hasHeartbeat: false }).slot;
    silent.claim();
    expect(silent.callEnded('aborted')).toBe(true);
    const { slot } = readySlot({ concurrency: 2 });
    slot.claim();
    slot.claim();
    expect(slot.callEnded('timeout')).toBe(false);
    slot.exited(new Error('crashed'));
    expect(slot.inFlight).toBe(1);
    expect(slot.callEnded('crashed')).toBe(true);
  });

  it('moves to a recycled replacement and forgets the old process’s abandoned calls', () => {
    const { slot, clock, changes } = readySlot({ concurrency: 2 });
    slot.claim();
    slot.claim();
    slot.callEnded('timeout');
    for (let i = 0; i < 4; i++) slot.callEnded('ok');
    const oldClient = slot.client;
    slot.recycleRequested(clock.now());
    expect(slot.isRecycling).toBe(true);
    expect(slot.isAwaitingProcess).toBe(true);
    clock.advance(100);
    expect(slot.ready(202, 'unix:///tmp/w1-2.sock')).toBe(true);
    expect(slot.client).not.toBe(oldClient);
    expect(slot.pid).toBe(202);
    expect(slot.inFlight).toBe(1);
    expect(slot.abandoned).toBe(0);
    expect(slot.callsCompleted).toBe(0);
    expect(slot.isRecycling).toBe(false);
    expect(slot.view().uptimeMs).toBe(0);
    // The old client closes once its calls had drainMs to finish.
    expect(clock.pendingTimers).toBe(1);
    clock.advance(7_000);
    expect(clock.pendingTimers).toBe(0);
    // The live call is still running: the slot stays busy through the swap.
    expect(slot.state).toBe('busy');
    expect(changes).not.toContain('busy>ready');
    slot.exited();
  });
});
