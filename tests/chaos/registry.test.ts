// Issue 8's registry scenario 13 with real pools: a corrupt or truncated
// registry. (Scenario 7, pid reuse against a stale registry, is covered by
// packages/core/test/registry/reapOrphans.test.ts, not repeated here yet.)
// The owners run with guards off, so only the reaper can clean up after them.
// Build first (`pnpm build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reapOrphans } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { expectAllGone, repetitions, useChaos } from '../support/chaos.js';
import { startRun } from '../support/chaosResults.js';
import { startOwner } from '../support/ownerProcess.js';
import { descendantsOf, isAlive, snapshot } from '../support/processes.js';

const { runtimeDir } = useChaos('chaos-reg');
const unguarded = { pool: { size: 2, env: { SNAKEPIT_GUARDS: 'off' } }, grandchildren: [1] };

describe('13. corrupt or truncated registry', () => {
  it.each(repetitions)(
    'run %i: the file is not trusted, the orphans are found by environment scan and reaped',
    async (i) => {
      const how = i % 2 === 1 ? 'truncated' : 'garbage';
      const run = startRun('13. corrupt / truncated registry');
      const owner = startOwner(unguarded);
      await owner.next('ready');
      const orphans = snapshot(descendantsOf(owner.pid));
      expect(orphans).toHaveLength(3);
      owner.kill();
      await owner.exited;
      const file = join(runtimeDir, 'registry', `${owner.runId}.json`);
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        how === 'truncated' ? text.slice(0, text.length >> 1) : '\u0000{]garbage',
      );
      expect(orphans.filter(isAlive)).toHaveLength(3);

      const reapAt = performance.now();
      const report = await reapOrphans({ dir: runtimeDir });
      run.measure(performance.now() - reapAt, `${how}: reaped ${report.reaped.length}`);
      expect(report.corrupt).toContain(owner.runId);
      expect(report.reaped.map((r) => r.pid).sort()).toEqual(orphans.map((o) => o.pid).sort());
      await expectAllGone(orphans, [owner.runId], { sinceMs: reapAt });
      run.ok();
    },
    60_000,
  );
});
