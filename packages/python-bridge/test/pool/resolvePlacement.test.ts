import { describe, expect, it } from 'vitest';
import { poolOptionsSchema } from '../../src/pool/PoolOptions.js';
import { AUTO_PLACEMENT_MAX_DEDICATED, resolvePlacement } from '../../src/pool/resolvePlacement.js';

const MAX = AUTO_PLACEMENT_MAX_DEDICATED;

describe('resolvePlacement', () => {
  it('gives small pools a thread per worker and shares threads past the threshold', () => {
    expect(resolvePlacement('auto', 1, 2)).toBe('dedicated');
    expect(resolvePlacement('auto', MAX, 2)).toBe('dedicated');
    expect(resolvePlacement('auto', MAX + 1, 2)).toBe('shared');
    expect(resolvePlacement('auto', 1000, 2)).toBe('shared');
  });

  it('keeps dedicated threads while a shared pool would have a thread per worker anyway', () => {
    expect(resolvePlacement('auto', MAX + 1, MAX + 1)).toBe('dedicated');
    expect(resolvePlacement('auto', 64, 64)).toBe('dedicated');
    expect(resolvePlacement('auto', 65, 64)).toBe('shared');
  });

  it('keeps an explicit placement at every size', () => {
    for (const placement of ['dedicated', 'shared', 'inline'] as const) {
      expect(resolvePlacement(placement, 1, 2)).toBe(placement);
      expect(resolvePlacement(placement, 1000, 2)).toBe(placement);
    }
  });

  it("is the pool's default, and the schema refuses an unknown placement", () => {
    expect(poolOptionsSchema.parse({}).placement).toBe('auto');
    expect(poolOptionsSchema.safeParse({ placement: 'threads' }).success).toBe(false);
  });
});
