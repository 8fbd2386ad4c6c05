// Keeps a handle on every worker thread this process starts, so that a chaos
// scenario can end one for real (`terminate()`) the way a crash of the
// thread would: the pool hides its threads, and there is no other way to
// reach them from outside. Import it before anything that loads piscina,
// which reads `Worker` from the module object at each `new`.
import workerThreads from 'node:worker_threads';
import type { WorkerOptions } from 'node:worker_threads';

const live = new Set<workerThreads.Worker>();

class TrackedWorker extends workerThreads.Worker {
  constructor(filename: string | URL, options?: WorkerOptions) {
    super(filename, options);
    live.add(this);
    this.once('exit', () => live.delete(this));
  }
}

(workerThreads as { Worker: typeof workerThreads.Worker }).Worker = TrackedWorker;

/** The worker threads of this process that have not exited. */
export function liveThreads(): workerThreads.Worker[] {
  return [...live];
}
