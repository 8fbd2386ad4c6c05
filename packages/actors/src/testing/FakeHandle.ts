import type { ChildHandle, ShutdownBudget } from '../child/ChildSpec.js';
import type { ExitReason } from '../exit/ExitReason.js';

/** Options of {@link FakeHandle}. */
export interface FakeHandleOptions {
  /** Where `stop:<id>` is written when the supervisor stops this child. @default a private log */
  readonly log?: string[];
  /** Ignore graceful stops (only `brutal_kill` ends it), to test shutdown budgets. @default false */
  readonly ignoresStop?: boolean;
}

/**
 * A child the test controls: it runs until the test calls {@link FakeHandle.exit}
 * or its supervisor stops it (then it exits `shutdown`, or `killed` for
 * `brutal_kill`), and it records every stop budget it was given.
 */
export class FakeHandle implements ChildHandle {
  readonly id: string;
  readonly exited: Promise<ExitReason>;
  readonly #log: string[];
  readonly #ignoresStop: boolean;
  readonly #stopBudgets: ShutdownBudget[] = [];
  #isRunning = true;
  #resolve!: (reason: ExitReason) => void;

  constructor(id: string, options: FakeHandleOptions = {}) {
    this.id = id;
    this.#log = options.log ?? [];
    this.#ignoresStop = options.ignoresStop ?? false;
    this.exited = new Promise((resolve) => (this.#resolve = resolve));
  }

  /** Whether the child has not exited yet. */
  get isRunning(): boolean {
    return this.#isRunning;
  }

  /** The budgets of every `stop` call, in order. */
  get stopBudgets(): readonly ShutdownBudget[] {
    return this.#stopBudgets;
  }

  /** Ends the child on its own with `reason` (no effect once it has exited). */
  exit(reason: ExitReason): void {
    if (!this.#isRunning) return;
    this.#isRunning = false;
    this.#resolve(reason);
  }

  stop(_reason: 'shutdown', budget: ShutdownBudget): Promise<void> {
    this.#stopBudgets.push(budget);
    if (!this.#isRunning) return Promise.resolve();
    if (this.#ignoresStop && budget !== 'brutal_kill') return Promise.resolve();
    this.#log.push(`stop:${this.id}`);
    this.exit(budget === 'brutal_kill' ? 'killed' : 'shutdown');
    return Promise.resolve();
  }
}
