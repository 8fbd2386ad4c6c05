// An owner of a pool for the chaos tests and the ownership benchmark: a Node
// process that the test SIGKILLs. It reads a JSON spec (argv[2], else the env
// SNAKEPIT_OWNER_SPEC), creates the pool from the BUILT packages, puts the
// workers into the requested states, prints one JSON line per phase and then
// idles until it is killed:
//   {"event":"creating", pid, runId}            right before createPool
//   {"event":"ready", pid, runId, startTime, workers, grandchildren, guardians,
//    watchdog, descendants}                     once every state is in place
//   {"event":"stopping"}                        right before pool.stop() (`stopAfterReady`)
//   {"event":"stopped", stopMs}                 after `stopAfterReady` (bench)
//   {"event":"error", message, code, causeCode, descendants}   and exit 1
// Every process is named by pid + start time (field 22 of /proc/PID/stat).
//
// Spec: { runId, pool: <createPool options>, grandchildren?: [n, …] (one
// spawn_children(n) call each, made at once so that they land on different
// workers), calls?: [{ command, args }] (each left running on its own worker),
// stopped?: <idle workers to SIGSTOP>, settleMs?, stopAfterReady? }
import { readFileSync, readdirSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { setInterval, setTimeout as sleep } from 'node:timers/promises';
import { createPool } from '@snakepit/python-bridge';

const spec = JSON.parse(process.argv[2] ?? process.env.SNAKEPIT_OWNER_SPEC ?? '{}');
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], ppid: Number(fields[1]), startTime: Number(fields[19]) };
  } catch {
    return undefined;
  }
}

function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    return '';
  }
}

const ref = (pid) => ({ pid, startTime: stat(pid)?.startTime ?? -1 });

/** Every live descendant of this process, through parent pids. */
function descendants() {
  const byParent = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(Number(entry));
    if (!s || s.state === 'Z') continue;
    byParent.set(s.ppid, [...(byParent.get(s.ppid) ?? []), Number(entry)]);
  }
  const found = [];
  const queue = [process.pid];
  while (queue.length > 0) {
    for (const child of byParent.get(queue.shift()) ?? []) {
      const s = stat(child);
      found.push({ pid: child, startTime: s?.startTime ?? -1, ppid: s?.ppid, cmd: cmdline(child) });
      queue.push(child);
    }
  }
  return found;
}

async function until(check, what, timeoutMs = 30_000) {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline)
      throw new Error(`owner: ${what} not reached in ${timeoutMs} ms`);
    await sleep(5);
  }
}

const busyPids = (pool) =>
  new Set(
    pool
      .stats()
      .workers.filter((w) => w.inFlight > 0)
      .map((w) => w.pid),
  );

async function main() {
  print({ event: 'creating', pid: process.pid, runId: spec.runId });
  // SNAKEPIT_TEST_START (see tests/support/pools.ts) reaches owners through their environment.
  const start = process.env.SNAKEPIT_TEST_START ? { start: process.env.SNAKEPIT_TEST_START } : {};
  const pool = await createPool({ ...start, ...spec.pool, runId: spec.runId });
  const roles = new Map(pool.stats().workers.map((w) => [w.pid, 'idle']));

  const grandchildPids = (
    await Promise.all((spec.grandchildren ?? []).map((n) => pool.execute('spawn_children', { n })))
  ).flat();

  // One long call per worker: wait until each has a worker to itself before the next.
  for (const call of spec.calls ?? []) {
    const before = busyPids(pool);
    pool.execute(call.command, call.args ?? {}).catch(() => {});
    await until(() => busyPids(pool).size > before.size, `a worker running ${call.command}`);
    for (const pid of busyPids(pool)) if (!before.has(pid)) roles.set(pid, call.command);
  }

  for (let i = 0; i < (spec.stopped ?? 0); i++) {
    const victim = pool
      .stats()
      .workers.find((w) => w.state === 'ready' && w.inFlight === 0 && roles.get(w.pid) === 'idle');
    if (!victim?.pid) throw new Error('owner: no idle worker left to SIGSTOP');
    process.kill(victim.pid, 'SIGSTOP');
    roles.set(victim.pid, 'stopped');
    await until(() => stat(victim.pid)?.state === 'T', `worker ${victim.pid} stopped`);
  }
  // Lets a call just routed reach its handler (e.g. `hang` enter its C call).
  await sleep(spec.settleMs ?? 150);

  const tree = descendants();
  print({
    event: 'ready',
    pid: process.pid,
    runId: spec.runId,
    startTime: stat(process.pid)?.startTime,
    workers: pool.stats().workers.map((w) => ({ ...ref(w.pid), id: w.id, role: roles.get(w.pid) })),
    grandchildren: grandchildPids.map(ref),
    guardians: tree.filter((p) => p.cmd.includes('snakepit-guard')),
    watchdog: tree.find((p) => p.cmd.includes('snakepit-watchdog') && p.cmd.includes(spec.runId)),
    descendants: tree,
  });

  if (spec.stopAfterReady) {
    print({ event: 'stopping' });
    const startedAtMs = performance.now();
    await pool.stop();
    print({ event: 'stopped', stopMs: performance.now() - startedAtMs });
    return;
  }
  // Idle until killed; if the test runner itself dies, take the run down with us
  // (SIGKILL, as in the tests: the workers' guards do the rest).
  const parent = process.ppid;
  for await (const tick of setInterval(500, 'tick')) {
    if (tick && process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }
}

main().catch((error) => {
  // The code (a typed error or not) and what was still running when it surfaced (a leak).
  print({
    event: 'error',
    message: String(error?.stack ?? error),
    code: error?.code,
    causeCode: error?.cause?.code,
    descendants: descendants(),
  });
  process.exit(1);
});
