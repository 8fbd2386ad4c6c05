import { runtimeDir } from '@snakepit/core/process';
import { listRuns } from '@snakepit/core/run';
import type { RunListing } from '@snakepit/core/run';
import { formatDuration } from '../formatDuration.js';

/** Options of {@link psCommand}. */
export interface PsOptions {
  /** Print JSON instead of a table. @default false */
  readonly json?: boolean;
  /** @default runtimeDir() (`SNAKEPIT_RUNTIME_DIR`, else `$XDG_RUNTIME_DIR/snakepit`, else `/dev/shm/snakepit-<uid>`, else `<tmp>/snakepit-<uid>`) */
  readonly dir?: string;
  /** Where each output line goes (without its newline). @default a line to stdout */
  readonly write?: (line: string) => void;
}

/**
 * `snakepit ps`: the runs registered on this machine (for this user), with
 * owner and worker liveness. Returns the exit status (0).
 */
export function psCommand(options: PsOptions = {}): number {
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const dir = options.dir ?? runtimeDir();
  const runs = listRuns(dir);
  if (options.json) {
    write(JSON.stringify({ runtimeDir: dir, runs }, undefined, 2));
    return 0;
  }
  if (runs.length === 0) {
    write(`No runs registered in ${dir}.`);
    return 0;
  }
  const rows = runs.map((run) => [
    run.runId,
    run.ownerPid === undefined ? '?' : `${run.ownerPid} ${run.isOwnerAlive ? 'alive' : 'dead'}`,
    run.createdAtMs === undefined ? '?' : formatDuration(Date.now() - run.createdAtMs),
    run.status,
    `${run.workers.filter((w) => w.isAlive).length}/${run.workers.length}`,
    String(run.processes.length),
  ]);
  for (const line of table(['RUN', 'OWNER PID', 'AGE', 'STATUS', 'WORKERS', 'PROCESSES'], rows)) {
    write(line);
  }
  for (const run of runs) writeDetails(run, write);
  const orphaned = runs.filter((r) => r.status === 'orphaned' || r.status === 'dead');
  if (orphaned.length > 0) {
    write(`\n${orphaned.length} run(s) without a live owner: \`snakepit reap\` cleans them up.`);
  }
  return 0;
}

function writeDetails(run: RunListing, write: (line: string) => void): void {
  write(`\n${run.runId} (${run.status}) ${run.file}`);
  if (run.problem) write(`  problem: ${run.problem}`);
  if (run.watchdogPid !== undefined) write(`  watchdog pid ${run.watchdogPid}`);
  for (const worker of run.workers) {
    const pid = worker.pid === undefined ? '-' : String(worker.pid);
    write(
      `  ${worker.id.padEnd(12)} pid ${pid.padEnd(8)} ${worker.state.padEnd(9)} ${worker.isAlive ? 'alive' : 'gone'}`,
    );
  }
  const workerPids = new Set(run.workers.map((w) => w.pid));
  const others = run.processes.filter((pid) => !workerPids.has(pid));
  if (others.length > 0)
    write(`  other processes of the run (guardians, children): ${others.join(', ')}`);
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}
