import cliProgress from 'cli-progress';
import type { RunLogger } from './createRunLogger.js';

/** Options of {@link StartupProgress}. */
export interface StartupProgressOptions {
  readonly total: number;
  readonly logger: RunLogger;
  /** Draw a bar (a terminal) rather than log plain lines. @default stderr is a TTY */
  readonly isInteractive?: boolean;
  /** Where the bar is drawn. @default process.stderr */
  readonly stream?: NodeJS.WriteStream;
}

/**
 * Shows workers starting: on a terminal a bar "N of M workers ready" (log
 * lines print above it meanwhile); otherwise one plain log line per worker
 * that becomes ready.
 */
export class StartupProgress {
  readonly #options: StartupProgressOptions;
  readonly #ready = new Set<string>();
  readonly #multiBar: cliProgress.MultiBar | undefined;
  readonly #bar: cliProgress.SingleBar | undefined;
  #isDone = false;

  constructor(options: StartupProgressOptions) {
    this.#options = options;
    const isInteractive = options.isInteractive ?? process.stderr.isTTY === true;
    if (!isInteractive) return;
    this.#multiBar = new cliProgress.MultiBar(
      {
        format: ' {bar} {value} of {total} workers ready',
        hideCursor: true,
        clearOnComplete: false,
        stopOnComplete: false,
        stream: options.stream ?? process.stderr,
      },
      cliProgress.Presets.shades_classic,
    );
    this.#bar = this.#multiBar.create(options.total, 0);
    const multiBar = this.#multiBar;
    options.logger.redirect((line) => multiBar.log(`${line}\n`));
  }

  /** A worker reached `ready` (again: counted once). */
  workerReady(workerId: string): void {
    if (this.#isDone || this.#ready.has(workerId)) return;
    this.#ready.add(workerId);
    if (this.#bar) {
      this.#bar.update(this.#ready.size);
      return;
    }
    this.#options.logger.log(
      'info',
      'snakepit.cli.progress',
      `${this.#ready.size} of ${this.#options.total} workers ready`,
      { ready: this.#ready.size, total: this.#options.total },
    );
  }

  /** Removes the bar (leaving its last state on screen) and restores the logger. */
  done(): void {
    if (this.#isDone) return;
    this.#isDone = true;
    // A redraw first: it flushes the lines logged since the last one.
    this.#multiBar?.update();
    this.#multiBar?.stop();
    if (this.#multiBar) this.#options.logger.redirect(undefined);
  }
}
