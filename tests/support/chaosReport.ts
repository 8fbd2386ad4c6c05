// Global set-up of the integration project: one chaos table for the whole
// run, across files. Each file records its repetitions as JSON lines in the
// file named by SNAKEPIT_CHAOS_REPORT (set here when the caller did not, and
// inherited by the test workers, which start after this); the teardown reads
// back the lines this run appended and prints one table.
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChaosRun } from './chaosResults.js';
import { formatRuns } from './chaosResults.js';

export default function setup(): () => void {
  const given = process.env.SNAKEPIT_CHAOS_REPORT;
  const file = given ?? join(tmpdir(), `snakepit-chaos-report-${process.pid}.jsonl`);
  if (!existsSync(file)) closeSync(openSync(file, 'a'));
  // A caller's file may hold earlier runs: only this run's lines count.
  const offset = statSync(file).size;
  process.env.SNAKEPIT_CHAOS_REPORT = file;
  process.env.SNAKEPIT_CHAOS_TABLE = 'global';
  return () => {
    const runs = readFileSync(file)
      .subarray(offset)
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as ChaosRun);
    if (given === undefined) rmSync(file, { force: true });
    if (runs.length > 0) console.log(`\n${formatRuns(runs)}\n`);
  };
}
