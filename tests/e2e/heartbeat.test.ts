import { describe, expect, it } from 'vitest';
import { usePools } from '../support/pools.js';
import { waitFor } from '../support/processes.js';

const startPool = usePools('hb');

describe('heartbeats with default settings', () => {
  it('replace a SIGSTOPped worker within the 10 s budget', async () => {
    const pool = await startPool({ size: 1 });
    const stopped = pool.stats().workers[0]!.pid!;
    const t0 = Date.now();
    process.kill(stopped, 'SIGSTOP');
    await waitFor(
      () => pool.stats().byState.ready === 1 && pool.stats().workers[0]!.pid !== stopped,
      15_000,
      'replacement',
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it('never judge a busy-looping worker hung when both cores are saturated', async () => {
    const durationMs = Number(process.env.SNAKEPIT_LOAD_TEST_MS ?? 60_000);
    const pool = await startPool({ size: 4 });
    const timeouts: unknown[] = [];
    pool.events.on('snakepit.worker.heartbeat.timeout', (e) => timeouts.push(e));
    // Four workers spinning on two cores: every core is saturated throughout.
    const load = Array.from({ length: 4 }, () => pool.execute('cpu', { ms: durationMs }));
    await Promise.all(load);
    expect(timeouts).toEqual([]);
    expect(pool.stats().workers.every((w) => w.restarts === 0)).toBe(true);
  }, 180_000);
});
