import { ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { createSupervisor, type SupervisorOptions } from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';

async function setup(
  strategy: NonNullable<SupervisorOptions['strategy']>,
  options: SupervisorOptions = {},
) {
  const kids = new FakeChildren();
  const clock = new ManualClock();
  const supervisor = await createSupervisor({
    strategy,
    clock,
    maxRestarts: 10,
    children: ['a', 'b', 'c', 'd'].map((id) => kids.spec(id)),
    ...options,
  });
  kids.takeLog();
  return { kids, clock, supervisor };
}

describe('built-in strategies', () => {
  it('starts children in order and stops them in reverse order', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      clock: new ManualClock(),
      children: ['a', 'b', 'c'].map((id) => kids.spec(id)),
    });
    expect(kids.takeLog()).toEqual(['start:a', 'start:b', 'start:c']);
    await supervisor.stop();
    expect(kids.takeLog()).toEqual(['stop:c', 'stop:b', 'stop:a']);
    expect(await supervisor.exited).toBe('shutdown');
  });

  it('one_for_one restarts only the child that exited', async () => {
    const { kids, supervisor } = await setup('one_for_one');
    kids.exit('b', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['start:b']);
    expect(kids.running().sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(supervisor.whichChildren().find((c) => c.id === 'b')?.restartCount).toBe(1);
  });

  it('one_for_all stops the others in reverse order, then starts all in order', async () => {
    const { kids, supervisor } = await setup('one_for_all');
    kids.exit('b', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual([
      'stop:d',
      'stop:c',
      'stop:a',
      'start:a',
      'start:b',
      'start:c',
      'start:d',
    ]);
  });

  it('rest_for_one restarts the child and those started after it', async () => {
    const { kids, supervisor } = await setup('rest_for_one');
    kids.exit('b', 'killed');
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['stop:d', 'stop:c', 'start:b', 'start:c', 'start:d']);
  });

  it('rest_for_one after the last child restarts only that child', async () => {
    const { kids, supervisor } = await setup('rest_for_one');
    kids.exit('d', new Error('boom'));
    await flush(supervisor);
    expect(kids.takeLog()).toEqual(['start:d']);
  });

  it('passes each child its own shutdown budget, with OTP defaults', async () => {
    const kids = new FakeChildren();
    const supervisor = await createSupervisor({
      clock: new ManualClock(),
      children: [
        kids.spec('w'),
        kids.spec('s', { type: 'supervisor' }),
        kids.spec('k', { shutdown: 'brutal_kill' }),
        kids.spec('t', { shutdown: 250 }),
      ],
    });
    const handles = ['w', 's', 'k', 't'].map((id) => kids.handle(id));
    await supervisor.stop();
    expect(handles.map((h) => h?.stopBudgets)).toEqual([
      [5000],
      ['infinity'],
      ['brutal_kill'],
      [250],
    ]);
  });

  it('stopping with a budget kills children that outlive it and exits killed', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const supervisor = await createSupervisor({
      clock,
      children: [kids.spec('a'), kids.spec('slow', { ignoresStop: true })],
    });
    const stopping = supervisor.stop('shutdown', 1000);
    await flush();
    expect(kids.running()).toContain('slow');
    clock.advance(1000);
    await stopping;
    expect(await supervisor.exited).toBe('killed');
    expect(kids.running()).toEqual([]);
    expect(kids.handle('slow')?.stopBudgets).toEqual([5000, 'brutal_kill']);
  });

  it('a failing child at start stops the ones already started and rejects', async () => {
    const kids = new FakeChildren();
    kids.failNextStarts('c', 1);
    await expect(
      createSupervisor({
        clock: new ManualClock(),
        children: ['a', 'b', 'c', 'd'].map((id) => kids.spec(id)),
      }),
    ).rejects.toMatchObject({ code: 'CHILD_START_FAILED' });
    expect(kids.takeLog()).toEqual(['start:a', 'start:b', 'startfail:c', 'stop:b', 'stop:a']);
  });

  it('rejects bad options naming the option and the value', async () => {
    await expect(createSupervisor({ maxRestarts: -1 })).rejects.toThrow(
      'Expected `maxRestarts` to be an integer ≥ 0, got `-1`',
    );
    await expect(createSupervisor({ strategy: 'one_for_none' as never })).rejects.toMatchObject({
      code: 'INVALID_OPTIONS',
    });
    const kids = new FakeChildren();
    await expect(createSupervisor({ children: [kids.spec('a'), kids.spec('a')] })).rejects.toThrow(
      'unique',
    );
    await expect(
      createSupervisor({ children: [kids.spec('a', { shutdown: -5 })] }),
    ).rejects.toThrow('children["a"].shutdown');
  });
});
