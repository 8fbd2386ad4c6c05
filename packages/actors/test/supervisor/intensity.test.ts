import { EventBus, ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { createSupervisor, DEFAULT_SUPERVISOR_OPTIONS, supervisorChild } from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';

function record(bus: EventBus): [string, unknown][] {
  const seen: [string, unknown][] = [];
  bus.onAny((name, payload) => seen.push([name, payload]));
  return seen;
}

describe('intensity and escalation', () => {
  it('defaults to 3 restarts in 5 s', () => {
    expect(DEFAULT_SUPERVISOR_OPTIONS.maxRestarts).toBe(3);
    expect(DEFAULT_SUPERVISOR_OPTIONS.periodMs).toBe(5000);
  });

  it('escalates on the restart that exceeds maxRestarts within periodMs', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const events = new EventBus();
    const seen = record(events);
    const supervisor = await createSupervisor({
      id: 'root',
      clock,
      events,
      maxRestarts: 2,
      periodMs: 1000,
      children: [kids.spec('a'), kids.spec('b')],
    });
    kids.takeLog();
    for (let i = 0; i < 2; i++) {
      kids.exit('a', new Error('boom'));
      await flush(supervisor);
      clock.advance(400);
    }
    expect(kids.takeLog()).toEqual(['start:a', 'start:a']);
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['stop:b']);
    expect(await supervisor.exited).toBe('shutdown');
    const names = seen.map(([name]) => name);
    expect(names.filter((n) => n === 'snakepit.supervisor.child.restarted')).toHaveLength(2);
    expect(names.slice(-2)).toEqual([
      'snakepit.supervisor.escalated',
      'snakepit.supervisor.shutdown',
    ]);
    expect(seen.at(-2)?.[1]).toMatchObject({
      supervisorId: 'root',
      childId: 'a',
      escalation: 'reached_max_restart_intensity',
      restartsInPeriod: 3,
      maxRestarts: 2,
      periodMs: 1000,
    });
    expect(seen.at(-1)?.[1]).toMatchObject({ cause: 'escalated' });
  });

  it('forgets restarts older than periodMs (a restart exactly periodMs ago still counts)', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const supervisor = await createSupervisor({
      clock,
      maxRestarts: 1,
      periodMs: 1000,
      children: [kids.spec('a')],
    });
    kids.exit('a', new Error('1'));
    await flush(supervisor);
    clock.advance(1001);
    kids.exit('a', new Error('2'));
    await flush(supervisor);
    clock.advance(1000);
    kids.exit('a', new Error('3'));
    await flush(supervisor);
    expect(await Promise.race([supervisor.exited, Promise.resolve('running')])).toBe('shutdown');
  });

  it('maxRestarts 0 escalates on the first exit that needs a restart', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      clock: new ManualClock(),
      maxRestarts: 0,
      children: [kids.spec('a', { restart: 'transient' })],
    });
    kids.exit('a', 'normal');
    await flush(supervisor);
    expect(supervisor.whichChildren()[0]?.status).toBe('stopped');
    await supervisor.restartChild('a');
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    expect(await supervisor.exited).toBe('shutdown');
  });

  it('failed restart attempts count toward intensity, so a child that cannot start escalates', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      clock: new ManualClock(),
      maxRestarts: 3,
      children: [kids.spec('a'), kids.spec('b')],
    });
    kids.takeLog();
    kids.failNextStarts('b', 100);
    kids.exit('b', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['startfail:b', 'startfail:b', 'startfail:b', 'stop:a']);
    expect(await supervisor.exited).toBe('shutdown');
  });

  it('a failed restart is retried until it succeeds within intensity', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      clock: new ManualClock(),
      strategy: 'rest_for_one',
      maxRestarts: 3,
      children: [kids.spec('a'), kids.spec('b'), kids.spec('c')],
    });
    kids.takeLog();
    kids.failNextStarts('b', 1);
    kids.exit('a', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual([
      'stop:c',
      'stop:b',
      'start:a',
      'startfail:b',
      'start:b',
      'start:c',
    ]);
    expect(kids.running().sort()).toEqual(['a', 'b', 'c']);
  });

  it('a nested supervisor escalates to its parent, which restarts it by its own strategy', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const events = new EventBus();
    const seen = record(events);
    const root = await createSupervisor({
      id: 'root',
      clock,
      events,
      strategy: 'one_for_all',
      children: [
        kids.spec('logger'),
        supervisorChild('pool', {
          clock,
          events,
          maxRestarts: 1,
          children: [kids.spec('w1'), kids.spec('w2')],
        }),
      ],
    });
    expect(kids.takeLog()).toEqual(['start:logger', 'start:w1', 'start:w2']);
    kids.exit('w1', new Error('boom'));
    await flush(root);
    kids.exit('w1', new Error('boom'));
    await flush(root);
    await flush(root);
    expect(kids.takeLog()).toEqual([
      'start:w1',
      'stop:w2', // pool escalates: stops its remaining child
      'stop:logger', // root one_for_all: stops the others
      'start:logger',
      'start:w1',
      'start:w2',
    ]);
    const escalations = seen.filter(([name]) => name === 'snakepit.supervisor.escalated');
    expect(escalations.map(([, p]) => (p as { supervisorId: string }).supervisorId)).toEqual([
      'pool',
    ]);
    const restarted = seen.filter(([name]) => name === 'snakepit.supervisor.child.restarted');
    expect(restarted.at(-1)?.[1]).toMatchObject({
      supervisorId: 'root',
      childId: 'pool',
      reason: 'shutdown',
    });
    await root.stop();
  });

  it('a transient nested supervisor that escalates is not restarted (its exit is shutdown, as OTP)', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const root = await createSupervisor({
      clock,
      children: [
        supervisorChild(
          'pool',
          { clock, maxRestarts: 0, children: [kids.spec('w1')] },
          { restart: 'transient' },
        ),
      ],
    });
    kids.exit('w1', new Error('boom'));
    await flush(root);
    await flush(root);
    expect(root.whichChildren()).toMatchObject([{ id: 'pool', status: 'stopped' }]);
    await root.stop();
  });
});
