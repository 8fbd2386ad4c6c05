// A pool owner for the chaos scenario "runtime directory taken by another
// user": run as an unprivileged uid with no SNAKEPIT_RUNTIME_DIR, it starts a
// one-worker pool from the BUILT packages, makes one call, stops, and prints
// one JSON line: { runtimeDir, skipped, runId, result } or { error, code }.
import { resolveRuntimeDir } from '@snakepit/core/process';
import { createPool } from '@snakepit/python-bridge';

const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);
try {
  const pool = await createPool({
    size: 1,
    runId: process.argv[2],
    python: process.argv[3],
    cgroup: 'off',
  });
  const result = await pool.execute('add', { a: 2, b: 2 });
  const { dir, skipped } = resolveRuntimeDir();
  await pool.stop();
  print({ runtimeDir: dir, skipped, runId: pool.runId, result });
} catch (error) {
  print({ error: error.message, code: error.code });
  process.exitCode = 1;
}
