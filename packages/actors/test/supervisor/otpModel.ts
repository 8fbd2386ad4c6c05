/**
 * An independent model of an OTP supervisor, written from the Erlang
 * documentation (supervisor(3) and the OTP Design Principles, "Supervisor
 * Behaviour"), not from the implementation. Synchronous and pure: a list of
 * children in start order, a restart log and a trace of starts and stops.
 *
 * What the documentation says, and where the model does it:
 * - "one_for_one: if one child process terminates and is to be restarted,
 *   only that child process is affected" (groupFor).
 * - "one_for_all: if one child process terminates and is to be restarted, all
 *   other child processes are terminated and then all child processes are
 *   restarted" (groupFor, restart).
 * - "rest_for_one: ... the 'rest' of the child processes (that is, the child
 *   processes after the terminated child process in the start order) are
 *   terminated. Then the terminated child process and all child processes
 *   after it are restarted" (groupFor).
 * - "When terminated, the children are terminated in the reverse start
 *   order" (terminateAll, restart).
 * - Restart types: "A permanent child process is always restarted. A
 *   temporary child process is never restarted (even when the supervisor's
 *   restart strategy is rest_for_one or one_for_all and a sibling's death
 *   causes the temporary process to be terminated). A transient child process
 *   is restarted only if it terminates abnormally, that is, with another exit
 *   reason than normal, shutdown, or {shutdown,Term}" (needsRestart, restart).
 * - Intensity: "If more than MaxR number of restarts occur in the last MaxT
 *   seconds, the supervisor terminates all the child processes and then
 *   itself. The termination reason for the supervisor itself in that case
 *   will be shutdown" (addRestart, exit).
 * - A restart that fails to start the child is tried again, and each attempt
 *   is a restart that counts toward intensity (the documentation: "the
 *   supervisor ... attempts to restart ... If the restart fails, it is
 *   retried"; supervisor.erl's try_again_restart). Children of the group
 *   after the one that failed are left not running until the retry.
 */
export type ModelReason = 'normal' | 'shutdown' | 'killed' | 'error';
export type ModelStrategy = 'one_for_one' | 'one_for_all' | 'rest_for_one';
export type ModelRestart = 'permanent' | 'transient' | 'temporary';

interface ModelChild {
  readonly id: string;
  readonly restart: ModelRestart;
  isRunning: boolean;
}

export class OtpModel {
  children: ModelChild[];
  isAlive = true;
  readonly trace: string[] = [];
  readonly failuresLeft = new Map<string, number>();
  #restartTimes: number[] = [];

  constructor(
    readonly strategy: ModelStrategy,
    readonly maxRestarts: number,
    readonly periodMs: number,
    specs: readonly { id: string; restart: ModelRestart }[],
  ) {
    this.children = specs.map((s) => ({ ...s, isRunning: true }));
  }

  exit(id: string, reason: ModelReason, nowMs: number): void {
    const child = this.children.find((c) => c.id === id);
    if (!this.isAlive || !child?.isRunning) return;
    child.isRunning = false;
    if (needsRestart(child.restart, reason)) this.#restartLoop(child, nowMs);
    else if (child.restart === 'temporary') this.#remove(child);
  }

  stopAll(): void {
    this.#terminateAll();
    this.isAlive = false;
  }

  #restartLoop(first: ModelChild, nowMs: number): void {
    let failed: ModelChild | undefined = first;
    while (failed && this.isAlive) failed = this.#restart(failed, nowMs);
  }

  /** One restart; returns the child whose start failed (to try again), if any. */
  #restart(child: ModelChild, nowMs: number): ModelChild | undefined {
    if (!this.#addRestart(nowMs)) {
      this.#terminateAll();
      this.isAlive = false;
      return undefined;
    }
    const group = this.#groupFor(child);
    for (const c of [...group].reverse()) {
      if (c.isRunning) {
        this.trace.push(`stop:${c.id}`);
        c.isRunning = false;
      }
    }
    for (const c of group) if (c.restart === 'temporary') this.#remove(c);
    for (const c of group.filter((g) => g.restart !== 'temporary')) {
      const failures = this.failuresLeft.get(c.id) ?? 0;
      if (failures > 0) {
        this.failuresLeft.set(c.id, failures - 1);
        this.trace.push(`startfail:${c.id}`);
        return c;
      }
      this.trace.push(`start:${c.id}`);
      c.isRunning = true;
    }
    return undefined;
  }

  #groupFor(child: ModelChild): ModelChild[] {
    const index = this.children.indexOf(child);
    if (this.strategy === 'one_for_one') return [child];
    if (this.strategy === 'one_for_all') return [...this.children];
    return this.children.slice(index);
  }

  #addRestart(nowMs: number): boolean {
    this.#restartTimes = this.#restartTimes.filter((t) => t >= nowMs - this.periodMs);
    this.#restartTimes.push(nowMs);
    return this.#restartTimes.length <= this.maxRestarts;
  }

  #terminateAll(): void {
    for (const c of [...this.children].reverse()) {
      if (c.isRunning) this.trace.push(`stop:${c.id}`);
      c.isRunning = false;
    }
  }

  #remove(child: ModelChild): void {
    this.children = this.children.filter((c) => c !== child);
  }
}

function needsRestart(restart: ModelRestart, reason: ModelReason): boolean {
  if (restart === 'permanent') return true;
  if (restart === 'temporary') return false;
  return reason !== 'normal' && reason !== 'shutdown';
}
