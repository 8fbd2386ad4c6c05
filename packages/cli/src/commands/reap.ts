import { EventBus } from '@snakepit/core';
import { reapOrphans } from '@snakepit/core/run';

/** Options of {@link reapCommand}. */
export interface ReapCommandOptions {
  /** Report what would be killed; kill nothing, remove nothing. @default false */
  readonly dryRun?: boolean;
  /** Print the report as JSON. @default false */
  readonly json?: boolean;
  /** @default runtimeDir() */
  readonly dir?: string;
  /** Where each output line goes (without its newline). @default a line to stdout */
  readonly write?: (line: string) => void;
}

/**
 * `snakepit reap`: kills what dead runs left behind (core's `reapOrphans`:
 * only processes whose identity is verified) and removes their files,
 * printing each process killed (or, with `dryRun`, to be killed). Live runs
 * are left alone. Returns the exit status: 0, or 1 when the registry could
 * not be read.
 */
export async function reapCommand(options: ReapCommandOptions = {}): Promise<number> {
  const write = options.write ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const bus = new EventBus();
  const errors: string[] = [];
  let isRegistryUnusable = false;
  bus.on('snakepit.registry.error', (e) => {
    errors.push(e.message);
    // The runtime directory itself is unusable (a corrupt file is handled, by scan).
    if (e.code === 'REGISTRY_ERROR') isRegistryUnusable = true;
  });
  const report = await reapOrphans({
    bus,
    dryRun: options.dryRun ?? false,
    ...(options.dir === undefined ? {} : { dir: options.dir }),
  });
  if (options.json) {
    write(JSON.stringify({ dryRun: options.dryRun ?? false, ...report, errors }, undefined, 2));
    return isRegistryUnusable ? 1 : 0;
  }
  const verb = options.dryRun ? 'would kill' : 'killed';
  for (const p of report.reaped) {
    const worker = p.workerId === undefined ? '' : ` worker ${p.workerId}`;
    const signal = options.dryRun ? '' : ` with ${p.signal}`;
    write(`${verb} pid ${p.pid} (run ${p.runId}${worker})${signal}`);
  }
  const runs = new Set(report.reaped.map((p) => p.runId)).size;
  write(
    report.reaped.length === 0
      ? 'No orphaned processes found.'
      : `${options.dryRun ? 'Would kill' : 'Killed'} ${report.reaped.length} process(es) of ${runs} dead run(s).`,
  );
  if (report.removedRuns.length > 0) {
    write(
      `${options.dryRun ? 'Would remove' : 'Removed'} the files of ${report.removedRuns.length} run(s): ${report.removedRuns.join(', ')}`,
    );
  }
  if (report.skippedLiveRuns.length > 0) {
    write(
      `Left alone ${report.skippedLiveRuns.length} live run(s): ${report.skippedLiveRuns.join(', ')}`,
    );
  }
  if (report.corrupt.length > 0) {
    write(`Corrupt registry file(s), cleaned by environment scan: ${report.corrupt.join(', ')}`);
  }
  for (const error of errors) write(`warning: ${error}`);
  return isRegistryUnusable ? 1 : 0;
}
