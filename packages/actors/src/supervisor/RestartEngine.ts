import type { TimerHandle } from '@snakepit/core';
import type { ChildHandle, ShutdownBudget } from '../child/ChildSpec.js';
import { describeExit, toExitError, type ExitReason } from '../exit/ExitReason.js';
import { computeBackoffDelayMs } from './backoff.js';
import type { ChildRecord, ChildTable } from './ChildTable.js';
import { explainInvalidDecision } from './explainInvalidDecision.js';
import { RestartIntensity } from './RestartIntensity.js';
import type {
  ChildExit,
  RestartDecision,
  RestartRecord,
  StrategyContext,
} from './RestartStrategy.js';
import type { SupervisorEmit } from './createSupervisorEmit.js';
import type { ResolvedSupervisorOptions } from './SupervisorOptions.js';

const HISTORY_LIMIT = 256;

/** What the restart engine needs from its supervisor. */
export interface RestartEngineHost {
  readonly options: ResolvedSupervisorOptions;
  readonly table: ChildTable;
  readonly isDynamic: boolean;
  isRunning(): boolean;
  /** Starts a child; returns the error when it fails. */
  startRecord(record: ChildRecord): Promise<Error | undefined>;
  stopRecord(record: ChildRecord, budget: ShutdownBudget): Promise<void>;
  /** Queues an operation on the supervisor's mailbox. */
  push(op: () => Promise<void>): void;
  escalate(exit: ChildExit, escalation: string): Promise<void>;
  readonly emit: SupervisorEmit;
}

/**
 * What a supervisor does about an exit: asks the strategy, applies
 * intensity, stops and restarts the chosen children (after any backoff
 * delay), and retries failed starts through the mailbox, as OTP does.
 */
export class RestartEngine {
  readonly #host: RestartEngineHost;
  readonly #intensity: RestartIntensity;
  readonly #timers = new Map<number, TimerHandle>();
  #restarts: RestartRecord[] = [];
  #exits: ChildExit[] = [];
  #nextToken = 0;

  constructor(host: RestartEngineHost) {
    this.#host = host;
    this.#intensity = new RestartIntensity(host.options.maxRestarts, host.options.periodMs);
  }

  /** Restarts that count toward intensity at `atMs`. */
  restartsInPeriod(atMs: number): number {
    return this.#intensity.countAt(atMs);
  }

  /** Cancels every delayed restart (the supervisor is stopping). */
  cancelTimers(): void {
    for (const timer of this.#timers.values()) timer.cancel();
    this.#timers.clear();
  }

  /** Handles a child's own end (stale handles are ignored, as OTP ignores unknown pids). */
  async onExit(record: ChildRecord, handle: ChildHandle, reason: ExitReason): Promise<void> {
    if (!this.#host.isRunning() || record.handle !== handle) return;
    record.handle = undefined;
    record.status = 'stopped';
    const nowMs = this.#host.options.clock.now();
    if (
      record.backoff &&
      record.startedAtMs !== undefined &&
      nowMs - record.startedAtMs >= record.backoff.resetAfterMs
    ) {
      record.consecutiveRestarts = 0;
    }
    this.#host.emit('snakepit.supervisor.child.exited', {
      childId: record.id,
      reason: describeExit(reason),
      isAbnormal: typeof reason !== 'string' || reason === 'killed',
    });
    await this.handleExit({
      childId: record.id,
      reason,
      isStartFailure: false,
      atMs: nowMs,
    });
  }
  async handleExit(exit: ChildExit): Promise<void> {
    this.#exits = [...this.#exits, exit].slice(-HISTORY_LIMIT);
    const decision = this.#decide(exit);
    if (decision.action === 'escalate') return this.#host.escalate(exit, decision.reason);
    if (decision.action === 'ignore') {
      if (this.#host.isDynamic || this.#host.table.get(exit.childId)?.restart === 'temporary')
        this.#host.table.remove(exit.childId);
      return;
    }
    if (!this.#intensity.add(exit.atMs))
      return this.#host.escalate(exit, 'reached_max_restart_intensity');
    this.#restarts = [...this.#restarts, { childId: exit.childId, atMs: exit.atMs }].slice(
      -HISTORY_LIMIT,
    );
    await this.#restartGroup(exit, decision.childIds, Math.max(0, decision.delayMs ?? 0));
  }

  #decide(exit: ChildExit): RestartDecision {
    const context: StrategyContext = {
      clock: this.#host.options.clock,
      nowMs: exit.atMs,
      restarts: this.#restarts,
      exits: this.#exits,
      backoffDelayMs: (childId) => {
        const record = this.#host.table.get(childId);
        if (!record?.backoff) return 0;
        return computeBackoffDelayMs(
          record.backoff,
          record.consecutiveRestarts,
          this.#host.options.random,
        );
      },
    };
    const strategy = this.#host.options.strategy;
    let decision: unknown;
    try {
      decision = strategy.decide(exit, this.#host.table.views(), context);
    } catch (error) {
      return {
        action: 'escalate',
        reason: `strategy ${strategy.name} threw: ${toExitError(error).message}`,
      };
    }
    // A decision the supervisor cannot carry out is a strategy bug, like a throw: never a silent no-op.
    const problem = explainInvalidDecision(
      decision,
      (id) => this.#host.table.get(id) !== undefined,
    );
    if (problem === undefined) return decision as RestartDecision;
    return {
      action: 'escalate',
      reason: `strategy ${strategy.name} returned an invalid decision: ${problem}`,
    };
  }

  async #restartGroup(
    exit: ChildExit,
    childIds: readonly string[],
    delayMs: number,
  ): Promise<void> {
    const group = this.#host.table.select(childIds);
    for (const record of [...group].reverse()) {
      if (record.status === 'running') await this.#host.stopRecord(record, record.shutdown);
    }
    const restarting = group.filter((record) => {
      if (record.restart === 'temporary') this.#host.table.remove(record.id);
      return record.restart !== 'temporary';
    });
    const cause = this.#host.table.get(exit.childId);
    if (cause) cause.consecutiveRestarts += 1;
    const token = ++this.#nextToken;
    for (const record of restarting) {
      record.status = 'restarting';
      record.pendingToken = token;
    }
    if (delayMs === 0) return this.#startGroup(exit, token, delayMs);
    const timer = this.#host.options.clock.setTimeout(() => {
      this.#timers.delete(token);
      this.#host.push(() => this.#startGroup(exit, token, delayMs));
    }, delayMs);
    this.#timers.set(token, timer);
  }

  async #startGroup(exit: ChildExit, token: number, delayMs: number): Promise<void> {
    if (!this.#host.isRunning()) return;
    const group = this.#host.table
      .all()
      .filter((r) => r.pendingToken === token && r.status === 'restarting');
    for (const [index, record] of group.entries()) {
      const error = await this.#host.startRecord(record);
      if (error === undefined) {
        record.restartCount += 1;
        this.#host.emit('snakepit.supervisor.child.restarted', {
          childId: record.id,
          causeChildId: exit.childId,
          reason: describeExit(exit.reason),
          strategy: this.#host.options.strategy.name,
          delayMs,
          restartCount: record.restartCount,
        });
        continue;
      }
      if (!this.#host.isRunning()) return;
      record.status = 'restarting';
      for (const rest of group.slice(index + 1)) {
        rest.status = 'stopped';
        rest.pendingToken = undefined;
      }
      this.#host.emit('snakepit.supervisor.child.start_failed', {
        childId: record.id,
        reason: describeExit(error),
      });
      // As OTP's try_again_restart: retry through the mailbox, so other exits and a stop come first.
      this.#host.push(() => this.#retry(record, error));
      return;
    }
  }

  async #retry(record: ChildRecord, error: Error): Promise<void> {
    if (
      !this.#host.isRunning() ||
      this.#host.table.get(record.id) !== record ||
      record.status !== 'restarting'
    )
      return;
    await this.handleExit({
      childId: record.id,
      reason: error,
      isStartFailure: true,
      atMs: this.#host.options.clock.now(),
    });
  }
}
