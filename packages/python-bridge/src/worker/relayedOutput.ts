import type { SnakepitEventMap } from '@snakepit/core/runtime';
import { v1 } from '@snakepit/proto';

type WorkerLogEvent = SnakepitEventMap['snakepit.worker.log'];

/** What a `Log` frame says beyond its line: level, logger and trace (absent fields omitted). */
export type RelayedLogFacts = Pick<WorkerLogEvent, 'level' | 'logger' | 'traceparent'>;

/** Receives a worker's output, line by line, and its Python `logging` records. */
export type OutputHandler = (
  stream: WorkerLogEvent['stream'],
  line: string,
  facts?: RelayedLogFacts,
) => void;

const LEVELS: Readonly<Partial<Record<number, NonNullable<WorkerLogEvent['level']>>>> = {
  [v1.Log.Level.DEBUG]: 'debug',
  [v1.Log.Level.INFO]: 'info',
  [v1.Log.Level.WARNING]: 'warning',
  [v1.Log.Level.ERROR]: 'error',
  [v1.Log.Level.CRITICAL]: 'critical',
};

/**
 * Hands a `Log` frame to `onOutput`; false for any other frame. Logger
 * `stdout`/`stderr` is a line of output: a forked worker shares the fork
 * server's stdout and stderr, so it relays its lines this way, and any worker
 * sends the lines a traced call writes to `sys.stdout`/`sys.stderr` this way,
 * tagged with the call's `traceparent` (see `snakepit_worker/logs.py`). Any
 * other logger is a record of Python's `logging` (stream `control`).
 */
export function relayedOutput(frame: v1.ControlFrame, onOutput: OutputHandler): boolean {
  const log = frame.log;
  if (!log) return false;
  const traceparent = log.traceparent ? { traceparent: log.traceparent } : {};
  const logger = log.logger ?? '';
  if (logger === 'stdout' || logger === 'stderr') {
    onOutput(logger, log.message ?? '', traceparent);
    return true;
  }
  const level = LEVELS[log.level ?? 0];
  onOutput('control', log.message ?? '', {
    ...(level === undefined ? {} : { level }),
    ...(logger === '' ? {} : { logger }),
    ...traceparent,
  });
  return true;
}
