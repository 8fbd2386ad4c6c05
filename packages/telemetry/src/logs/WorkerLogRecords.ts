import { ROOT_CONTEXT, trace } from '@opentelemetry/api';
import type { Attributes, Context } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import type { Logger } from '@opentelemetry/api-logs';
import type { SnakepitEventMap } from '@snakepit/core';
import { SNAKEPIT_ATTRIBUTES as A } from '../metrics/snakepitAttributes.js';
import { LogRateLimiter } from './LogRateLimiter.js';

type WorkerLog = SnakepitEventMap['snakepit.worker.log'];
type Level = NonNullable<WorkerLog['level']>;

/** How many log records a worker may send to the exporter (see `TelemetryOptions.logs`). */
export interface ResolvedLogLimits {
  readonly maxRecordsPerSecond: number;
  readonly burstRecords: number;
}

// Python's level names as severity text, as OpenTelemetry's Python LoggingHandler does.
const SEVERITIES: Readonly<Record<Level, readonly [SeverityNumber, string]>> = {
  debug: [SeverityNumber.DEBUG, 'DEBUG'],
  info: [SeverityNumber.INFO, 'INFO'],
  warning: [SeverityNumber.WARN, 'WARNING'],
  error: [SeverityNumber.ERROR, 'ERROR'],
  critical: [SeverityNumber.FATAL, 'CRITICAL'],
};

// Output has no level: stdout is information, stderr is where Python writes
// warnings and tracebacks (but also progress bars), so WARN, not ERROR.
const STREAM_LEVEL = { stdout: 'info', stderr: 'warning', control: 'info' } as const;

const TRACEPARENT = /^[\da-f]{2}-([\da-f]{32})-([\da-f]{16})-([\da-f]{2})$/;

/**
 * Turns `snakepit.worker.log` events into OpenTelemetry log records: body =
 * the line, severity from the record's level (or the stream), attributes
 * worker id, run id, pool id, pid, `log.iostream` or the Python logger, and
 * the span context of the `traceparent` Python tagged it with. Records over
 * a worker's budget are dropped and `onDropped` is told.
 */
export class WorkerLogRecords {
  readonly #logger: Logger;
  readonly #limiter: LogRateLimiter;
  readonly #onDropped: (log: WorkerLog) => void;

  constructor(
    logger: Logger,
    limits: ResolvedLogLimits,
    maxWorkers: number,
    onDropped: (log: WorkerLog) => void,
  ) {
    this.#logger = logger;
    this.#limiter = new LogRateLimiter(limits.maxRecordsPerSecond, limits.burstRecords, maxWorkers);
    this.#onDropped = onDropped;
  }

  /** Emits the record of `log`, or counts it as dropped when its worker is over budget. */
  record(log: WorkerLog): void {
    const key = log.poolId === undefined ? log.workerId : `${log.poolId}\u0000${log.workerId}`;
    if (!this.#limiter.take(key, log.timestampMs)) {
      this.#onDropped(log);
      return;
    }
    const [severityNumber, severityText] = SEVERITIES[log.level ?? STREAM_LEVEL[log.stream]];
    const context = log.traceparent === undefined ? undefined : spanContextOf(log.traceparent);
    this.#logger.emit({
      timestamp: log.timestampMs,
      severityNumber,
      severityText,
      body: log.line,
      attributes: attributesOf(log),
      ...(context === undefined ? {} : { context }),
    });
  }
}

function attributesOf(log: WorkerLog): Attributes {
  const attributes: Attributes = { [A.workerId]: log.workerId, [A.runId]: log.runId };
  if (log.poolId !== undefined) attributes[A.poolId] = log.poolId;
  if (log.pid !== undefined) attributes[A.processPid] = log.pid;
  if (log.stream === 'control') {
    if (log.logger !== undefined) attributes[A.pythonLogger] = log.logger;
  } else {
    attributes[A.logIostream] = log.stream;
  }
  return attributes;
}

function spanContextOf(traceparent: string): Context | undefined {
  const match = TRACEPARENT.exec(traceparent);
  if (!match) return undefined;
  const [, traceId, spanId, flags] = match as unknown as [string, string, string, string];
  return trace.setSpanContext(ROOT_CONTEXT, {
    traceId,
    spanId,
    traceFlags: Number.parseInt(flags, 16),
    isRemote: true,
  });
}
