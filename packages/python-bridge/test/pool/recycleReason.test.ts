import { describe, expect, it } from 'vitest';
import {
  MAX_TRANSPORT_FAILURES_IN_A_ROW,
  RECYCLE_RETRY_AFTER_MS,
  recycleDecision,
  recycleReason,
} from '../../src/pool/recycleReason.js';
import type { RecycleFacts } from '../../src/pool/recycleReason.js';

const fresh: RecycleFacts = {
  state: 'ready',
  isRecycling: false,
  recycleRequestedAtMs: undefined,
  transportFailuresInARow: 0,
  callsCompleted: 0,
  readyAtMs: 0,
  rssBytes: undefined,
};
const recycle = { maxRequests: 100, maxUptimeMs: 60_000, maxRssBytes: 2 ** 30 };
const options = { recycle, startTimeoutMs: 10_000 };

describe('recycleReason', () => {
  it('names the first limit reached, the broken data plane first', () => {
    expect(recycleReason(fresh, recycle, 59_999)).toBeUndefined();
    expect(recycleReason({ ...fresh, callsCompleted: 100 }, recycle, 0)).toBe('max requests');
    expect(recycleReason(fresh, recycle, 60_000)).toBe('max uptime');
    expect(recycleReason({ ...fresh, rssBytes: 2 ** 30 + 1 }, recycle, 0)).toBe('max rss');
    const failing = {
      ...fresh,
      callsCompleted: 100,
      transportFailuresInARow: MAX_TRANSPORT_FAILURES_IN_A_ROW,
    };
    expect(recycleReason(failing, recycle, 0)).toBe('data plane failing');
  });

  it('ignores limits that are not set, and a process not ready yet', () => {
    const unset = { maxRequests: undefined, maxUptimeMs: undefined, maxRssBytes: undefined };
    const worn = { ...fresh, callsCompleted: 10 ** 6, rssBytes: 2 ** 40 };
    expect(recycleReason(worn, unset, 10 ** 9)).toBeUndefined();
    expect(recycleReason({ ...fresh, readyAtMs: undefined }, recycle, 10 ** 9)).toBeUndefined();
  });
});

describe('recycleDecision', () => {
  const due = { ...fresh, callsCompleted: 100 };

  it('replaces a serving process that is due, and no other', () => {
    expect(recycleDecision(due, options, 0)).toBe('max requests');
    expect(recycleDecision({ ...due, state: 'busy' }, options, 0)).toBe('max requests');
    for (const state of ['starting', 'unhealthy', 'stopping', 'stopped'] as const) {
      expect(recycleDecision({ ...due, state }, options, 0), state).toBeUndefined();
    }
    expect(recycleDecision(fresh, options, 0)).toBeUndefined();
  });

  it('replaces an unhealthy process whose data plane keeps failing', () => {
    const broken = {
      ...fresh,
      state: 'unhealthy' as const,
      transportFailuresInARow: MAX_TRANSPORT_FAILURES_IN_A_ROW,
    };
    expect(recycleDecision(broken, options, 0)).toBe('data plane failing');
  });

  it('asks once per start budget: again only after startTimeoutMs + the retry delay', () => {
    const asked = { ...due, isRecycling: true, recycleRequestedAtMs: 1_000 };
    const retryAtMs = 1_000 + options.startTimeoutMs + RECYCLE_RETRY_AFTER_MS;
    expect(recycleDecision(asked, options, retryAtMs - 1)).toBeUndefined();
    expect(recycleDecision(asked, options, retryAtMs)).toBe('max requests');
  });
});
