import { EventBus, ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { createSupervisor, type ChildSpec, type SupervisorOptions } from '../../src/index.js';
import { FakeChildren, FakeHandle, flush } from '../../src/testing.js';

async function startWithCrashDuringStartUp(options: SupervisorOptions) {
  const kids = new FakeChildren();
  const events = new EventBus();
  const escalations: { childId: string; escalation: string }[] = [];
  events.on('snakepit.supervisor.escalated', (e) => escalations.push(e));
  kids.exitAfterNextStart('a', new Error('crashed while b and c were starting'));
  const supervisor = await createSupervisor({
    clock: new ManualClock(),
    events,
    children: ['a', 'b', 'c'].map((id) => kids.spec(id)),
    ...options,
  });
  await flush(supervisor);
  return { kids, supervisor, escalations };
}

describe('start-up goes through the mailbox (OTP: EXITs wait until init/1 returns)', () => {
  it('one_for_all: a child that exits during start-up is restarted after it, once', async () => {
    const { kids, supervisor } = await startWithCrashDuringStartUp({ strategy: 'one_for_all' });
    expect(kids.takeLog()).toEqual([
      'start:a',
      'start:b',
      'start:c',
      'stop:c',
      'stop:b',
      'start:a',
      'start:b',
      'start:c',
    ]);
    await supervisor.stop();
    expect(kids.running()).toEqual([]);
  });

  it('rest_for_one: no copy of a child started during start-up outlives stop()', async () => {
    const { kids, supervisor } = await startWithCrashDuringStartUp({ strategy: 'rest_for_one' });
    expect(kids.takeLog()).toEqual([
      'start:a',
      'start:b',
      'start:c',
      'stop:c',
      'stop:b',
      'start:a',
      'start:b',
      'start:c',
    ]);
    expect(kids.running()).toEqual(['a', 'b', 'c']);
    await supervisor.stop();
    expect(kids.running()).toEqual([]);
  });

  it('maxRestarts 0: the supervisor starts, then escalates and exits shutdown', async () => {
    const { kids, supervisor, escalations } = await startWithCrashDuringStartUp({
      strategy: 'rest_for_one',
      maxRestarts: 0,
    });
    expect(await supervisor.exited).toBe('shutdown');
    expect(kids.takeLog()).toEqual(['start:a', 'start:b', 'start:c', 'stop:c', 'stop:b']);
    expect(escalations).toMatchObject([
      { childId: 'a', escalation: 'reached_max_restart_intensity' },
    ]);
    expect(kids.running()).toEqual([]);
  });
});

/** Child `a`, whose second start fails only when the test says so. */
function childWithHeldFailure() {
  const handles: FakeHandle[] = [];
  let fail = (): void => undefined;
  const spec: ChildSpec = {
    id: 'a',
    start: () => {
      if (handles.length === 1) {
        handles.push(new FakeHandle('never started'));
        return new Promise((_resolve, reject) => (fail = () => reject(new Error('cannot start'))));
      }
      const handle = new FakeHandle('a');
      handles.push(handle);
      return Promise.resolve(handle);
    },
  };
  return { spec, handles, fail: () => fail() };
}

describe('restartChild on a child waiting for a retry (OTP: {error, restarting})', () => {
  it('answers restarting, starts nothing, and the retry counts toward intensity', async () => {
    const a = childWithHeldFailure();
    const supervisor = await createSupervisor({
      clock: new ManualClock(),
      maxRestarts: 1,
      children: [a.spec],
    });
    a.handles[0]?.exit(new Error('boom'));
    await flush(); // the restart's start is now held, so the request queues before the retry
    const request = supervisor.restartChild('a');
    a.fail();
    expect(await request).toEqual({ ok: false, reason: 'restarting' });
    // Restart 1 failed to start; the retry is restart 2 > maxRestarts 1: escalate.
    expect(await supervisor.exited).toBe('shutdown');
    expect(a.handles).toHaveLength(2);
  });
});

describe('terminateChild and restartChild say what happened', () => {
  it('answers ok, not_found and running', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      clock: new ManualClock(),
      children: [kids.spec('a'), kids.spec('b')],
    });
    expect(await supervisor.terminateChild('nope')).toEqual({ ok: false, reason: 'not_found' });
    expect(await supervisor.restartChild('nope')).toEqual({ ok: false, reason: 'not_found' });
    expect(await supervisor.restartChild('a')).toEqual({ ok: false, reason: 'running' });
    expect(await supervisor.terminateChild('a')).toEqual({ ok: true });
    expect(await supervisor.restartChild('a')).toEqual({ ok: true });
    expect(kids.takeLog()).toEqual(['start:a', 'start:b', 'stop:a', 'start:a']);
    await supervisor.stop();
  });
});
