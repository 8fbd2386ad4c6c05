import { EventBus } from '@snakepit/core';
import { startPythonWorker } from '@snakepit/python-bridge';

/** Options of {@link runDemo}. */
export interface DemoOptions {
  readonly python?: string;
  readonly write?: (line: string) => void;
}

/**
 * The README's first command: starts one real Python worker, runs a few
 * commands through it, shows a Python error crossing over, and stops it.
 */
export async function runDemo(options: DemoOptions = {}): Promise<void> {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const bus = new EventBus();
  bus.on('snakepit.worker.process.started', (e) =>
    write(`▶ worker ${e.workerId} started: pid ${e.pid}, ready in ${e.startMs.toFixed(0)} ms`),
  );
  bus.on('snakepit.worker.cleanup.completed', (e) =>
    write(`■ worker ${e.workerId} cleaned up (${e.method}) in ${e.durationMs.toFixed(0)} ms`),
  );

  const worker = await startPythonWorker({
    workerId: 'demo1',
    bus,
    ...(options.python ? { python: options.python } : {}),
  });
  try {
    write(
      `  Python ${worker.ready.pythonVersion}, grpcio ${worker.ready.grpcVersion}, commands: ${worker.ready.commands.join(', ')}`,
    );
    write(`  control-channel ping: ${(await worker.ping()).toFixed(2)} ms`);
    write(
      `  echo    → ${JSON.stringify(await worker.execute('echo', { greeting: 'hello from Node' }))}`,
    );
    write(`  add     → ${JSON.stringify(await worker.execute('add', { a: 20, b: 22 }))}`);
    const started = performance.now();
    const calls = await Promise.all(
      Array.from({ length: 100 }, (_, i) => worker.execute('add', [i, 1])),
    );
    write(
      `  100 concurrent calls in ${(performance.now() - started).toFixed(0)} ms (last result ${String(calls.at(-1))})`,
    );
    try {
      await worker.execute('raise_error', { message: 'a deliberate ValueError' });
    } catch (error) {
      write(`  raise_error → ${(error as Error).name}: ${(error as Error).message}`);
    }
  } finally {
    const exit = await worker.stop('demo finished');
    write(`  exit record: ${JSON.stringify(exit)}`);
  }
}
