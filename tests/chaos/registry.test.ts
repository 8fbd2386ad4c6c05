// Issue 8's registry scenarios with real pools: 7, a stale registry whose pid
// now names an unrelated process (pid reuse, simulated by pointing the entry at
// one), and 13, a corrupt or truncated registry.
// The owners run with guards off, so only the reaper can clean up after them.
// Build first (`pnpm build`).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { reapOrphans } from '@snakepit/core/run';
import { describe, expect, it } from 'vitest';
import { expectAllGone, repetitions, useChaos } from '../support/chaos.js';
import { startRun } from '../support/chaosResults.js';
import { startOwner } from '../support/ownerProcess.js';
import { testStart } from '../support/pools.js';
import { descendantsOf, isAlive, killRefs, refOf, snapshot } from '../support/processes.js';

const { runtimeDir } = useChaos('chaos-reg');
const unguarded = { pool: { size: 2, env: { SNAKEPIT_GUARDS: 'off' } }, grandchildren: [1] };
/** Two workers and a grandchild, plus the fork server under SNAKEPIT_TEST_START=forkserver. */
const ORPHANS = 3 + (testStart().start === 'forkserver' ? 1 : 0);

describe('13. corrupt or truncated registry', () => {
  it.each(repetitions)(
    'run %i: the file is not trusted, the orphans are found by environment scan and reaped',
    async (i) => {
      const how = i % 2 === 1 ? 'truncated' : 'garbage';
      const run = startRun('13. corrupt / truncated registry');
      const owner = startOwner(unguarded);
      await owner.next('ready');
      const orphans = snapshot(descendantsOf(owner.pid));
      expect(orphans).toHaveLength(ORPHANS);
      owner.kill();
      await owner.exited;
      const file = join(runtimeDir, 'registry', `${owner.runId}.json`);
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        how === 'truncated' ? text.slice(0, text.length >> 1) : '\u0000{]garbage',
      );
      expect(orphans.filter(isAlive)).toHaveLength(ORPHANS);

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

describe('7. pid reuse against a stale registry', () => {
  it.each(repetitions)(
    'run %i: an entry whose pid now names an unrelated process leaves it alone; the orphans are reaped',
    async () => {
      const run = startRun('7. pid reuse, stale registry');
      const owner = startOwner(unguarded);
      const ready = await owner.next('ready');
      const orphans = snapshot(descendantsOf(owner.pid));
      owner.kill();
      await owner.exited;
      // An unrelated process (no SNAKEPIT_* variable) takes the place of worker 1
      // in the registry, as if its pid had been reused after the worker died.
      const bystander = spawn('sleep', ['60'], {
        stdio: 'ignore',
        env: { PATH: process.env.PATH },
      });
      const bystanderRef = refOf(bystander.pid ?? -1)!;
      try {
        const file = join(runtimeDir, 'registry', `${owner.runId}.json`);
        const record = JSON.parse(readFileSync(file, 'utf8')) as {
          workers: Record<string, { pid?: number; pgid?: number }>;
        };
        // A worker's entry (a fork server has one too, under its own id).
        const workerPids = ready.workers.map((w) => w.pid);
        const first = Object.values(record.workers).find((w) => workerPids.includes(w.pid!));
        expect(first, `an entry for one of the workers ${workerPids.join(', ')}`).toBeDefined();
        first!.pid = bystanderRef.pid;
        first!.pgid = bystanderRef.pid;
        writeFileSync(file, JSON.stringify(record));

        const reapAt = performance.now();
        const report = await reapOrphans({ dir: runtimeDir });
        run.measure(performance.now() - reapAt, `reaped ${report.reaped.length}`);
        expect(isAlive(bystanderRef), 'the unrelated process').toBe(true);
        expect(report.reaped.map((r) => r.pid)).not.toContain(bystanderRef.pid);
        // The real worker 1 is still found, by the environment scan.
        expect(report.reaped.map((r) => r.pid).sort()).toEqual(orphans.map((o) => o.pid).sort());
        await expectAllGone(orphans, [owner.runId], { sinceMs: reapAt });
        run.ok();
      } finally {
        killRefs([bystanderRef]);
      }
    },
    60_000,
  );
});
