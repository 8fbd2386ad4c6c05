import type {
  EventBus,
  ExecuteOutcome,
  ExitRecord,
  PoolWorkerState,
  SnakepitErrorCode,
  SnakepitEventMap,
  SnakepitEventName,
} from '@snakepit/core';

/** A fixed wall clock origin: 2025-01-01T00:00:00Z (spans need epoch times). */
export const T0 = Date.UTC(2025, 0, 1);

/** Emits an event by name (the payload is checked against core's declaration). */
export function emit<N extends SnakepitEventName>(
  bus: EventBus,
  name: N,
  payload: SnakepitEventMap[N],
): void {
  bus.emit(name, payload);
}

/** Emitters for one pool's worker events, at times relative to {@link T0}. */
export function poolScript(bus: EventBus, poolId: string, runId = 'run-1') {
  const base = (workerId: string, atMs: number, pid?: number) => ({
    workerId,
    runId,
    pid,
    timestampMs: T0 + atMs,
    poolId,
  });
  return {
    state(workerId: string, from: PoolWorkerState, to: PoolWorkerState) {
      emit(bus, 'snakepit.pool.worker.state', { poolId, workerId, from, to });
    },
    started(workerId: string, atMs: number, startMs: number, pid: number) {
      emit(bus, 'snakepit.worker.process.started', {
        ...base(workerId, atMs, pid),
        ...{ startMs, grpcAddress: '' },
      });
    },
    heartbeat(workerId: string, atMs: number, seq: number, latencyMs: number) {
      emit(bus, 'snakepit.worker.heartbeat.sent', { ...base(workerId, atMs - latencyMs), seq });
      emit(bus, 'snakepit.worker.heartbeat.received', {
        ...base(workerId, atMs),
        ...{ seq, latencyMs, rssBytes: 0 },
      });
    },
    missed(workerId: string, atMs: number, seq: number, missed: number) {
      emit(bus, 'snakepit.worker.heartbeat.sent', { ...base(workerId, atMs - 1000), seq });
      emit(bus, 'snakepit.worker.heartbeat.timeout', { ...base(workerId, atMs), seq, missed });
    },
    terminated(workerId: string, atMs: number, pid: number, exit: Partial<ExitRecord>) {
      const record: ExitRecord = {
        exitCode: 0,
        signal: undefined,
        cause: 'shutdown',
        reason: 'stopped',
        steps: [],
        method: 'graceful',
        isForcefullyTerminated: false,
        uptimeMs: 1000,
        cleanupMs: 0,
        ...exit,
      };
      emit(bus, 'snakepit.worker.process.terminated', {
        ...base(workerId, atMs, pid),
        exit: record,
      });
      emit(bus, 'snakepit.worker.cleanup.completed', {
        ...base(workerId, atMs + 1, pid),
        durationMs: record.cleanupMs + 1,
        method: record.method,
      });
    },
    execute(
      command: string,
      outcome: ExecuteOutcome,
      durationMs: number,
      queueWaitMs: number,
      errorCode?: SnakepitErrorCode,
    ) {
      emit(bus, 'snakepit.pool.execute.completed', {
        poolId,
        workerId: 'w0',
        command,
        outcome,
        durationMs,
        queueWaitMs,
        ...(errorCode === undefined ? {} : { errorCode }),
      });
    },
  };
}
