import { describe, expect, it } from 'vitest';
import { EventBatch } from '../../src/thread/EventBatch.js';
import type { FromThread } from '../../src/thread/protocol.js';

describe('EventBatch', () => {
  it('posts the events of one turn as one message, in order', async () => {
    const posted: FromThread[] = [];
    const batch = new EventBatch((m) => posted.push(m));
    batch.push('a', 1);
    batch.push('b', 2);
    expect(posted).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(posted).toEqual([
      {
        t: 'events',
        events: [
          ['a', 1],
          ['b', 2],
        ],
      },
    ]);
  });

  it('never lets another message overtake an event emitted before it', () => {
    const posted: FromThread[] = [];
    const batch = new EventBatch((m) => posted.push(m));
    batch.push('a', 1);
    batch.post({ t: 'reply', id: 7, value: 'done' });
    expect(posted).toEqual([
      { t: 'events', events: [['a', 1]] },
      { t: 'reply', id: 7, value: 'done' },
    ]);
  });
});
