import { isSnakepitError } from '@snakepit/core';
import type { SnakepitErrorCode } from '@snakepit/core';
import { resolveRunConfig } from '../config/resolveRunConfig.js';
import type { ResolvedRunConfig, RunConfigSources } from '../config/resolveRunConfig.js';
import { EXIT_CODES } from '../exitCodes.js';
import { findRunProcesses } from '../run/findRunProcesses.js';
import { Run } from '../run/Run.js';

/** Options of {@link runCommand}. */
export interface RunCommandOptions extends RunConfigSources {
  /** Print the resolved configuration (and where each value came from) instead of running. */
  readonly printConfig?: boolean;
}

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof SIGNAL_NUMBERS;

/**
 * `snakepit run`: starts the pool and keeps it running until SIGINT,
 * SIGTERM or SIGHUP. The first signal stops gracefully (exit 0); a second
 * one SIGKILLs every verified process of the run and each worker's group at
 * once (exit 128 + signal number; see `killRunProcesses`).
 * Resolves with the exit status: 0 after a clean stop, 1 when the pool
 * could not become ready or failed later.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` for a bad configuration (exit status 2).
 */
export async function runCommand(options: RunCommandOptions = {}): Promise<number> {
  const config = await resolveRunConfig(options);
  if (options.printConfig) {
    process.stdout.write(`${JSON.stringify(config, undefined, 2)}\n`);
    return EXIT_CODES.ok;
  }
  const run = new Run({ config });
  const stopRequested = onStopSignals(run);
  try {
    await Promise.race([run.start(), stopRequested]);
  } catch (error) {
    reportStartFailure(run, config, error);
    return EXIT_CODES.failure;
  }
  const outcome = await Promise.race([
    stopRequested.then(() => 'stop' as const),
    run.failed.then((reason) => ({ reason })),
  ]);
  const isStopped = await stopWithin(run, stopBudgetMs(config));
  const leftovers = findRunProcesses(run.runId);
  if (leftovers.length > 0) {
    run.logger.log(
      'error',
      'snakepit.cli.run.leftovers',
      `${leftovers.length} process(es) of run ${run.runId} outlived the stop: ${leftovers.join(', ')}; killing them`,
    );
    run.kill();
    return EXIT_CODES.failure;
  }
  if (outcome === 'stop') return isStopped ? EXIT_CODES.ok : EXIT_CODES.failure;
  run.logger.log(
    'error',
    'snakepit.cli.run.failed',
    `the pool failed and stopped: ${outcome.reason}`,
  );
  return EXIT_CODES.failure;
}

/** Resolves on the first stop signal; a second one kills everything and exits. */
function onStopSignals(run: Run): Promise<StopSignal> {
  return new Promise((resolve) => {
    let count = 0;
    const onSignal = (signal: StopSignal): void => {
      count++;
      if (count === 1) {
        run.logger.log(
          'warn',
          'snakepit.cli.signal',
          `${signal}: stopping gracefully (send it again to kill the workers now)`,
          { signal },
        );
        resolve(signal);
        return;
      }
      const pids = run.kill();
      run.logger.log(
        'error',
        'snakepit.cli.signal',
        `${signal} again: killed ${pids.length} process(es) of run ${run.runId} with SIGKILL`,
        { signal, pids },
      );
      process.exit(128 + SIGNAL_NUMBERS[signal]);
    };
    for (const signal of Object.keys(SIGNAL_NUMBERS) as StopSignal[]) process.on(signal, onSignal);
  });
}

// Drain (shutdownTimeoutMs) + each worker's Shutdown/SIGTERM/SIGKILL ladder, plus slack.
function stopBudgetMs(config: ResolvedRunConfig): number {
  const shutdownMs = config.pool.shutdownTimeoutMs ?? 5_000;
  const killAfterMs = config.pool.killAfterMs ?? 2_000;
  return 2 * shutdownMs + killAfterMs + 5_000;
}

/** Stops the run; SIGKILLs what is left after `budgetMs`. Whether the stop made it in time. */
async function stopWithin(run: Run, budgetMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), budgetMs);
  });
  const result = await Promise.race([run.stop().then(() => 'stopped' as const), timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    const pids = run.kill();
    run.logger.log(
      'error',
      'snakepit.cli.run.stop_timeout',
      `the pool did not stop within ${budgetMs} ms: killed ${pids.length} process(es) with SIGKILL`,
    );
  }
  return result === 'stopped';
}

function reportStartFailure(run: Run, config: ResolvedRunConfig, error: unknown): void {
  const code = isSnakepitError(error) ? ` [${error.code}]` : '';
  const hint = startFailureHint(config, error);
  run.logger.log(
    'error',
    'snakepit.cli.run.start_failed',
    `the pool could not become ready${code}: ${(error as Error).message}\n${hint}`,
    {
      ...(isSnakepitError(error) ? { code: error.code } : {}),
    },
  );
}

/**
 * What to check after a failed start, by the error's code (and, for a worker
 * that failed, the code of its fault): only an adapter problem points at the adapter.
 */
function startFailureHint(config: ResolvedRunConfig, error: unknown): string {
  if (!isSnakepitError(error)) return '`snakepit doctor` checks this machine.';
  switch (error.code) {
    case 'PYTHON_NOT_FOUND':
    case 'PYTHON_DEPS_MISSING':
      return '`snakepit doctor` checks the interpreter.';
    case 'INVALID_OPTIONS':
      return 'Correct the option named above (`snakepit run --help`, docs/cli.md).';
    case 'REGISTRY_ERROR':
      return '`snakepit doctor` checks the runtime directory; SNAKEPIT_RUNTIME_DIR chooses another.';
    case 'CGROUP_UNAVAILABLE':
      return '`snakepit doctor` checks cgroup v2 delegation.';
    default:
      break;
  }
  if (hasCause(error, 'WORKER_VERSION_MISMATCH')) {
    return 'Remove the stale `snakepit_worker` named above, or align its version with @snakepit/python-bridge (docs/troubleshooting.md).';
  }
  const faultCode = faultCodeOf(error);
  if (faultCode === 'BIND_FAILED') {
    return 'The worker could not listen on its socket (see above): `snakepit doctor` checks the runtime directory; a shorter SNAKEPIT_RUNTIME_DIR keeps socket paths under 107 bytes.';
  }
  if (faultCode !== undefined && faultCode !== 'ADAPTER_IMPORT_FAILED') {
    return 'See the worker output above, and `snakepit doctor`.';
  }
  return `Check the adapter (${config.adapter}) and its PYTHONPATH (${config.pythonPath.join(':') || 'none'}), the worker output above, and \`snakepit doctor\`.`;
}

/** Whether the error, or one of its causes, has `code`. */
function hasCause(error: unknown, code: SnakepitErrorCode): boolean {
  for (let e: unknown = error; isSnakepitError(e); e = e.cause) if (e.code === code) return true;
  return false;
}

/** The `faultCode` a failed worker start carries, on the error or its causes. */
function faultCodeOf(error: unknown): string | undefined {
  for (let e: unknown = error; isSnakepitError(e); e = e.cause) {
    const { faultCode } = e.details;
    if (typeof faultCode === 'string') return faultCode;
  }
  return undefined;
}
