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
 * - A supervisor is a gen_server: it handles one message at a time, in
 *   arrival order (mailbox). Start-up is `init/1` and a restart is one
 *   message, so an EXIT from a child that dies while later children are
 *   still starting waits until that start-up or restart is done. The retry of
 *   a failed start is a message the supervisor sends itself
 *   (`try_again_restart`), so it comes after EXITs that arrived meanwhile, and
 *   it is dropped if the child no longer waits for it. An EXIT from a pid the
 *   supervisor has since stopped is flushed (`unlink_flush`) and a dead child
 *   is not stopped again (mailbox, drain, stop).
 */
export type ModelReason = 'normal' | 'shutdown' | 'killed' | 'error';
export type ModelStrategy = 'one_for_one' | 'one_for_all' | 'rest_for_one';
export type ModelRestart = 'permanent' | 'transient' | 'temporary';

interface ModelChild {
  readonly id: string;
  readonly restart: ModelRestart;
  /** The supervisor holds a pid for it (which may have died, its EXIT still queued). */
  isRunning: boolean;
  /** Its pid has died but the supervisor has not handled the EXIT yet. */
  isDead: boolean;
  /** Its start failed and a try_again_restart for it is queued. */
  isRestarting: boolean;
  /** Counts its starts, so that an EXIT from an older pid is ignored. */
  generation: number;
}

type ModelMessage =
  | {
      readonly kind: 'exit';
      readonly child: ModelChild;
      readonly generation: number;
      readonly reason: ModelReason;
    }
  | { readonly kind: 'retry'; readonly child: ModelChild };

export class OtpModel {
  children: ModelChild[];
  isAlive = true;
  readonly trace: string[] = [];
  readonly failuresLeft = new Map<string, number>();
  /** Children that exit as soon as their next start succeeds, while the supervisor is busy. */
  readonly exitsOnStart = new Map<string, ModelReason>();
  #mailbox: ModelMessage[] = [];
  #restartTimes: number[] = [];

  constructor(
    readonly strategy: ModelStrategy,
    readonly maxRestarts: number,
    readonly periodMs: number,
    specs: readonly { id: string; restart: ModelRestart }[],
  ) {
    this.children = specs.map((s) => ({
      ...s,
      isRunning: false,
      isDead: false,
      isRestarting: false,
      generation: 0,
    }));
  }

  /** `init/1`: starts every child in start order, then handles what arrived meanwhile. */
  init(nowMs: number): void {
    for (const c of this.children) this.#start(c);
    this.#drain(nowMs);
  }

  exit(id: string, reason: ModelReason, nowMs: number): void {
    const child = this.children.find((c) => c.id === id);
    if (!this.isAlive || !child?.isRunning || child.isDead) return;
    child.isDead = true;
    this.#mailbox.push({ kind: 'exit', child, generation: child.generation, reason });
    this.#drain(nowMs);
  }

  stopAll(): void {
    this.#terminateAll();
    this.isAlive = false;
  }

  #drain(nowMs: number): void {
    for (let message = this.#mailbox.shift(); message; message = this.#mailbox.shift()) {
      if (!this.isAlive) break;
      const { child } = message;
      if (!this.children.includes(child)) continue;
      if (message.kind === 'retry') {
        if (child.isRestarting) this.#restart(child, nowMs);
      } else if (child.isRunning && child.generation === message.generation) {
        child.isRunning = false;
        child.isDead = false;
        if (needsRestart(child.restart, message.reason)) this.#restart(child, nowMs);
        else if (child.restart === 'temporary') this.#remove(child);
      }
    }
    this.#mailbox = [];
  }

  /** One restart; a failed start queues a try_again_restart for that child. */
  #restart(child: ModelChild, nowMs: number): void {
    if (!this.#addRestart(nowMs)) {
      this.#terminateAll();
      this.isAlive = false;
      return;
    }
    const group = this.#groupFor(child);
    for (const c of [...group].reverse()) this.#stop(c);
    for (const c of group) {
      c.isRestarting = false;
      if (c.restart === 'temporary') this.#remove(c);
    }
    for (const c of group.filter((g) => g.restart !== 'temporary')) {
      const failures = this.failuresLeft.get(c.id) ?? 0;
      if (failures > 0) {
        this.failuresLeft.set(c.id, failures - 1);
        this.trace.push(`startfail:${c.id}`);
        c.isRestarting = true;
        this.#mailbox.push({ kind: 'retry', child: c });
        return;
      }
      this.#start(c);
    }
  }

  #start(child: ModelChild): void {
    this.trace.push(`start:${child.id}`);
    child.isRunning = true;
    child.isDead = false;
    child.isRestarting = false;
    child.generation += 1;
    const reason = this.exitsOnStart.get(child.id);
    if (reason === undefined) return;
    this.exitsOnStart.delete(child.id);
    child.isDead = true;
    this.#mailbox.push({ kind: 'exit', child, generation: child.generation, reason });
  }

  /** Stops a child the supervisor holds a pid for; a dead one has nothing left to stop. */
  #stop(child: ModelChild): void {
    if (child.isRunning && !child.isDead) this.trace.push(`stop:${child.id}`);
    child.isRunning = false;
    child.isDead = false;
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
    for (const c of [...this.children].reverse()) this.#stop(c);
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
