import type { ChildHandle, ChildSpec, ExitReason, ShutdownBudget } from '../../src/index.js';

/** A child the test controls: it exits when told to, and logs its starts and stops. */
export class FakeHandle implements ChildHandle {
  readonly exited: Promise<ExitReason>;
  isRunning = true;
  stopBudgets: ShutdownBudget[] = [];
  #resolve!: (reason: ExitReason) => void;

  constructor(
    readonly id: string,
    private readonly log: string[],
    private readonly ignoresStop = false,
  ) {
    this.exited = new Promise((resolve) => (this.#resolve = resolve));
  }

  exit(reason: ExitReason): void {
    this.isRunning = false;
    this.#resolve(reason);
  }

  stop(_reason: 'shutdown', budget: ShutdownBudget): Promise<void> {
    this.stopBudgets.push(budget);
    if (!this.isRunning) return Promise.resolve();
    if (this.ignoresStop && budget !== 'brutal_kill') return Promise.resolve();
    this.log.push(`stop:${this.id}`);
    this.exit(budget === 'brutal_kill' ? 'killed' : 'shutdown');
    return Promise.resolve();
  }
}

/** Makes child specs whose handles and start failures the test controls. */
export class FakeChildren {
  readonly log: string[] = [];
  readonly current = new Map<string, FakeHandle>();
  readonly failuresLeft = new Map<string, number>();

  spec(
    id: string,
    options: Partial<Omit<ChildSpec, 'id' | 'start'>> & { ignoresStop?: boolean } = {},
  ): ChildSpec {
    const { ignoresStop = false, ...rest } = options;
    return {
      ...rest,
      id,
      start: () => {
        const failures = this.failuresLeft.get(id) ?? 0;
        if (failures > 0) {
          this.failuresLeft.set(id, failures - 1);
          this.log.push(`startfail:${id}`);
          return Promise.reject(new Error(`${id} cannot start`));
        }
        this.log.push(`start:${id}`);
        const handle = new FakeHandle(id, this.log, ignoresStop);
        this.current.set(id, handle);
        return Promise.resolve(handle);
      },
    };
  }

  /** Makes child `id` exit on its own. */
  exit(id: string, reason: ExitReason): void {
    const handle = this.current.get(id);
    if (!handle?.isRunning) throw new Error(`${id} is not running`);
    handle.exit(reason);
  }

  running(): string[] {
    return [...this.current.values()].filter((h) => h.isRunning).map((h) => h.id);
  }

  takeLog(): string[] {
    return this.log.splice(0);
  }
}

/** Lets every pending promise callback run, then waits for the supervisor. */
export async function flush(supervisor?: { settled(): Promise<void> }): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await supervisor?.settled();
  }
}
