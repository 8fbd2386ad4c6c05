// Issue 20, defect 3: a spawned worker's output without a line end used to
// be held whole by the owner's readline (256 MB raised its RSS by 294 MiB;
// past V8's longest string readline threw, which crashed an inline owner).
// Lines now come in pieces of at most 64 KiB, in both start modes.
import { EventBus } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { chaosAdapter } from '../support/chaos.js';
import { watchFlood } from '../support/flood.js';
import { usePools } from '../support/pools.js';

const startPool = usePools('output');
const MiB = 1024 * 1024;
const PIECE_BYTES = 64 * 1024;

describe.each(['dedicated', 'inline'] as const)(
  'a worker flooding its output (%s)',
  (placement) => {
    it('64 MiB with no line end reach the owner in 64 KiB pieces; its RSS stays bounded and the pool serves', async () => {
      const bus = new EventBus();
      const pool = await startPool({ size: 2, placement, bus, ...chaosAdapter });
      const watch = watchFlood(bus);
      try {
        const flood = pool.execute('flood', { mib: 64, tail: '\nflood over\n' });
        await expect(pool.execute('add', [1, 2]), 'the other worker, meanwhile').resolves.toBe(3);
        expect(await flood).toBe(64 * MiB);
        await watch.until('flood over');
        expect(watch.longestBytes).toBe(PIECE_BYTES);
        expect(watch.pieces).toBe(1024);
        expect(watch.bytes).toBe(64 * MiB);
        expect(watch.peakRssGrowthBytes).toBeLessThan(100 * MiB);
        await expect(pool.execute('add', [2, 2])).resolves.toBe(4);
        expect(pool.stats().workers.map((w) => w.restarts)).toEqual([0, 0]);
      } finally {
        watch.stop();
      }
    });

    it('a progress bar that only returns the carriage (8 MiB of it on stderr) comes one update per event', async () => {
      const bus = new EventBus();
      const pool = await startPool({ size: 1, placement, bus, ...chaosAdapter });
      const watch = watchFlood(bus);
      try {
        const args = { mib: 8, stream: 'stderr', line_end: '\r', tail: '\nflood over\n' };
        expect(await pool.execute('flood', args)).toBe(8 * MiB);
        await watch.until('flood over');
        expect(watch.longestBytes).toBe(79);
        expect(watch.bytes + watch.pieces).toBeGreaterThanOrEqual(8 * MiB - 80);
        expect(watch.peakRssGrowthBytes).toBeLessThan(100 * MiB);
        await expect(pool.execute('add', [2, 2])).resolves.toBe(4);
      } finally {
        watch.stop();
      }
    });
  },
);

describe('an inline owner', () => {
  it("survives 600 MiB with no line end, past V8's longest string (512 MiB), and keeps serving", async () => {
    const bus = new EventBus();
    const pool = await startPool({ size: 1, placement: 'inline', bus, ...chaosAdapter });
    const watch = watchFlood(bus);
    try {
      expect(await pool.execute('flood', { mib: 600, tail: '\nflood over\n' })).toBe(600 * MiB);
      await watch.until('flood over', 60_000);
      expect(watch.bytes).toBe(600 * MiB);
      expect(watch.longestBytes).toBe(PIECE_BYTES);
      expect(watch.peakRssGrowthBytes).toBeLessThan(100 * MiB);
      await expect(pool.execute('add', [2, 2])).resolves.toBe(4);
      expect(pool.stats().workers[0]?.restarts).toBe(0);
    } finally {
      watch.stop();
    }
  }, 120_000);
});
