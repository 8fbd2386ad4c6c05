import type { ChildSpec } from '../child/ChildSpec.js';
import type { ExitReason } from '../exit/ExitReason.js';
import { FakeHandle } from './FakeHandle.js';

/** Options of {@link FakeChildren.spec}: a child spec's fields besides `id` and `start`. */
export type FakeChildSpecOptions = Partial<Omit<ChildSpec, 'id' | 'start'>> & {
  /** Ignore graceful stops (only `brutal_kill` ends it). @default false */
  readonly ignoresStop?: boolean;
};

/**
 * Makes child specs whose starts, start failures and exits the test controls,
 * and logs what the supervisor did to them: `start:<id>`, `startfail:<id>`
 * and `stop:<id>`, in order, so a test compares the log with what OTP would do.
 */
export class FakeChildren {
  readonly #log: string[] = [];
  readonly #handles = new Map<string, FakeHandle>();
  /** Every handle ever started: an orphaned older copy must show in {@link running}. */
  readonly #started: FakeHandle[] = [];
  readonly #failuresLeft = new Map<string, number>();
  readonly #exitsOnStart = new Map<string, ExitReason>();

  /** A child spec whose `start()` makes a {@link FakeHandle} (or fails, when told to). */
  spec(id: string, options: FakeChildSpecOptions = {}): ChildSpec {
    const { ignoresStop = false, ...rest } = options;
    return { ...rest, id, start: () => this.#start(id, ignoresStop) };
  }

  /** The handle of child `id`'s latest start, if it was ever started. */
  handle(id: string): FakeHandle | undefined {
    return this.#handles.get(id);
  }

  /** Makes running child `id` exit on its own. @throws Error when it is not running */
  exit(id: string, reason: ExitReason): void {
    const handle = this.#handles.get(id);
    if (!handle?.isRunning) throw new Error(`${id} is not running`);
    handle.exit(reason);
  }

  /** Makes the next `count` starts of child `id` reject. */
  failNextStarts(id: string, count: number): void {
    this.#failuresLeft.set(id, count);
  }

  /**
   * Makes child `id` exit with `reason` as soon as its next start has
   * succeeded: a child that crashes while its supervisor is still starting
   * the children after it (at start-up or in a group restart).
   */
  exitAfterNextStart(id: string, reason: ExitReason): void {
    this.#exitsOnStart.set(id, reason);
  }

  /**
   * The ids of the started handles that still run, in start order. An id
   * appears twice when an older copy of the child outlived its restart.
   */
  running(): string[] {
    return this.#started.filter((h) => h.isRunning).map((h) => h.id);
  }

  /** The log since the last call (`start:a`, `startfail:b`, `stop:a`…), emptied. */
  takeLog(): string[] {
    return this.#log.splice(0);
  }

  #start(id: string, ignoresStop: boolean): Promise<FakeHandle> {
    const failures = this.#failuresLeft.get(id) ?? 0;
    if (failures > 0) {
      this.#failuresLeft.set(id, failures - 1);
      this.#log.push(`startfail:${id}`);
      return Promise.reject(new Error(`${id} cannot start`));
    }
    this.#log.push(`start:${id}`);
    const handle = new FakeHandle(id, { log: this.#log, ignoresStop });
    this.#handles.set(id, handle);
    this.#started.push(handle);
    const reason = this.#exitsOnStart.get(id);
    if (reason !== undefined) {
      this.#exitsOnStart.delete(id);
      handle.exit(reason);
    }
    return Promise.resolve(handle);
  }
}
