import type { ExitReason } from '../exit/ExitReason.js';
import type { BackoffOptions } from '../supervisor/backoff.js';

/**
 * How long a child may take to stop (OTP's `shutdown`): `'brutal_kill'` ends it
 * at once, a number of milliseconds is a graceful budget after which the child
 * is ended by force, `'infinity'` waits for as long as it takes.
 */
export type ShutdownBudget = 'brutal_kill' | 'infinity' | number;

/**
 * When a child is restarted (OTP's restart types): `permanent` always,
 * `transient` only after an abnormal exit, `temporary` never.
 */
export type RestartType = 'permanent' | 'transient' | 'temporary';

/** Whether a child is a worker or a supervisor (changes the shutdown default). */
export type ChildType = 'worker' | 'supervisor';

/**
 * A running child as its supervisor sees it. Anything can be supervised that
 * can be started into one of these: an actor, a thread actor, a Python worker,
 * another supervisor.
 */
export interface ChildHandle {
  /**
   * Asks the child to stop within `budget`, ending it by force when the budget
   * runs out (`'brutal_kill'`: at once). Must not reject; settles when the
   * child has ended. `exited` then gives the actual reason.
   */
  stop(reason: 'shutdown', budget: ShutdownBudget): Promise<void>;
  /** Settles (never rejects) when the child has ended, with why. */
  readonly exited: Promise<ExitReason>;
}

/** How to start a child and how its supervisor treats it (OTP's child spec). */
export interface ChildSpec {
  /** Unique among the supervisor's children. */
  readonly id: string;
  /** Starts the child. A rejection is a failed start (it counts toward intensity). */
  start(): Promise<ChildHandle>;
  /** @default 'permanent' */
  readonly restart?: RestartType;
  /** @default 5000 for a worker, 'infinity' for a supervisor (as OTP) */
  readonly shutdown?: ShutdownBudget;
  /** @default 'worker' */
  readonly type?: ChildType;
  /**
   * Delay before each restart of this child, growing with consecutive
   * restarts; `false` restarts at once (OTP). Overrides the supervisor's.
   */
  readonly backoff?: BackoffOptions | false;
}
