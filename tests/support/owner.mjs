// The owner fixture of every test project and the ownership benchmark: a Node
// process that the test SIGKILLs. It owns either a pool (spec `pool`: the
// chaos tests, the benchmark) or, for core's reaper and watchdog tests,
// guard-less processes (spec `processes`: `{ dir, workers, withGrandchildren?,
// watchdogPollMs? }`, shell `sleep`s spawned with core's spawnProcess into a
// run registry in `dir`, nothing in them reacting to the owner's death; the
// `ready` line then also has `registryFile` and `runDir`, and each worker its
// `token`). It reads a JSON spec (argv[2], else the env
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
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setInterval, setTimeout as sleep } from 'node:timers/promises';
import {
  createRunDir,
  ownProcessIdentity,
  readProcessIdentity,
  spawnProcess,
} from '@snakepit/core/process';
import { RunRegistry, startWatchdog } from '@snakepit/core/run';
import { describeProcesses, descendantsOf, readStat, refOf, waitFor } from './proc.mjs';

const spec = JSON.parse(process.argv[2] ?? process.env.SNAKEPIT_OWNER_SPEC ?? '{}');
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

const ref = (pid) => refOf(pid) ?? { pid, startTime: -1 };

/** Every live descendant of this process, through parent pids. */
const descendants = () => describeProcesses(descendantsOf(process.pid));

const busyPids = (pool) =>
  new Set(
    pool
      .stats()
      .workers.filter((w) => w.inFlight > 0)
      .map((w) => w.pid),
  );

/** Guard-less workers (`exec sleep`), each maybe with two children, in a run registry. */
async function ownProcesses({ dir, workers, withGrandchildren, watchdogPollMs }) {
  const { runId } = spec;
  const registry = RunRegistry.open(runId, { dir });
  const runDir = createRunDir(runId, { SNAKEPIT_RUNTIME_DIR: dir });
  const reported = [];
  const grandchildPids = [];
  // One child in the worker's group, one escaped with setsid; the shell
  // prints their pids (the escapee's before setsid() has run in it).
  const script = withGrandchildren
    ? 'sleep 60 & echo $!; setsid sleep 60 & echo $!; exec sleep 60'
    : 'exec sleep 60';
  for (let i = 0; i < workers; i++) {
    const workerId = `w${i}`;
    const token = randomBytes(16).toString('hex');
    registry.reserve(workerId, token);
    const proc = await spawnProcess({
      command: '/bin/sh',
      args: ['-c', script],
      runId,
      workerId,
      token,
      onOutput: (_stream, line) => grandchildPids.push(Number(line)),
    });
    registry.recordRunning(workerId, readProcessIdentity(proc.pid, token));
    reported.push({ ...ref(proc.pid), id: workerId, role: 'idle', token });
  }
  await waitFor(
    () => !withGrandchildren || grandchildPids.length >= 2 * workers,
    30_000,
    'owner: every worker reporting its children',
    5,
  );
  let watchdog;
  if (watchdogPollMs) {
    const started = await startWatchdog({
      runId,
      ownerPid: process.pid,
      ownerStartTimeTicks: ownProcessIdentity().startTimeTicks,
      registryFile: registry.file,
      pollMs: watchdogPollMs,
    });
    registry.setWatchdogPid(started.pid);
    watchdog = describeProcesses([started.pid])[0];
  }
  return {
    workers: reported,
    grandchildren: grandchildPids.map(ref),
    watchdog,
    registryFile: registry.file,
    runDir,
  };
}

async function main() {
  print({ event: 'creating', pid: process.pid, runId: spec.runId });
  if (spec.processes) {
    const owned = await ownProcesses(spec.processes);
    print({
      event: 'ready',
      pid: process.pid,
      runId: spec.runId,
      startTime: refOf(process.pid)?.startTime,
      guardians: [],
      descendants: descendants(),
      ...owned,
    });
    return idleUntilKilled();
  }
  // SNAKEPIT_TEST_START and SNAKEPIT_TEST_TRANSPORT (see tests/support/pools.ts) reach
  // owners through their environment.
  const start = {
    ...(process.env.SNAKEPIT_TEST_START ? { start: process.env.SNAKEPIT_TEST_START } : {}),
    ...(process.env.SNAKEPIT_TEST_TRANSPORT
      ? { transport: process.env.SNAKEPIT_TEST_TRANSPORT }
      : {}),
  };
  // Loaded only here: a `processes` owner needs nothing but core (built).
  const { createPool } = await import('@snakepit/python-bridge');
  const pool = await createPool({ ...start, ...spec.pool, runId: spec.runId });
  const roles = new Map(pool.stats().workers.map((w) => [w.pid, 'idle']));

  const grandchildPids = (
    await Promise.all((spec.grandchildren ?? []).map((n) => pool.execute('spawn_children', { n })))
  ).flat();

  // One long call per worker: wait until each has a worker to itself before the next.
  for (const call of spec.calls ?? []) {
    const before = busyPids(pool);
    pool.execute(call.command, call.args ?? {}).catch(() => {});
    await waitFor(
      () => busyPids(pool).size > before.size,
      30_000,
      `owner: a worker running ${call.command}`,
      5,
    );
    for (const pid of busyPids(pool)) if (!before.has(pid)) roles.set(pid, call.command);
  }

  for (let i = 0; i < (spec.stopped ?? 0); i++) {
    const victim = pool
      .stats()
      .workers.find((w) => w.state === 'ready' && w.inFlight === 0 && roles.get(w.pid) === 'idle');
    if (!victim?.pid) throw new Error('owner: no idle worker left to SIGSTOP');
    process.kill(victim.pid, 'SIGSTOP');
    roles.set(victim.pid, 'stopped');
    await waitFor(
      () => readStat(victim.pid)?.state === 'T',
      30_000,
      `owner: worker ${victim.pid} stopped`,
      5,
    );
  }
  // Lets a call just routed reach its handler (e.g. `hang` enter its C call).
  await sleep(spec.settleMs ?? 150);

  const tree = descendants();
  print({
    event: 'ready',
    pid: process.pid,
    runId: spec.runId,
    startTime: refOf(process.pid)?.startTime,
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
  await idleUntilKilled();
}

// Idle until killed; if the test runner itself dies, take the run down with us
// (SIGKILL, as in the tests: the workers' guards do the rest).
async function idleUntilKilled() {
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
