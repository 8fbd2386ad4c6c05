import { ManualClock } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { createSupervisor, createSupervisorChild } from '../../src/index.js';
import { FakeChildren, flush } from '../../src/testing.js';

describe('createSupervisorChild', () => {
  it('gives a handle to the running nested supervisor, across its restarts', async () => {
    const kids = new FakeChildren();
    const clock = new ManualClock();
    const jobs = createSupervisorChild('jobs', {
      clock,
      maxRestarts: 0,
      children: [kids.spec('job')],
    });
    expect(jobs.ref.current).toBeUndefined();
    const root = await createSupervisor({ clock, children: [jobs.spec] });
    const first = jobs.ref.current;
    expect(first?.whichChildren().map((c) => c.id)).toEqual(['job']);
    kids.exit('job', new Error('boom')); // intensity 0: jobs escalates, root restarts it
    await flush(first);
    await flush(root);
    expect(jobs.ref.current).toBeDefined();
    expect(jobs.ref.current).not.toBe(first);
    await root.stop();
    expect(jobs.ref.current).toBeUndefined();
    expect(kids.running()).toEqual([]);
  });

  it('validates the nested supervisor options at the call', () => {
    expect(() => createSupervisorChild('jobs', { maxRestarts: -1 })).toThrow(/maxRestarts/);
  });
});
