// Small helpers shared by the benchmarks: percentiles, printed tables, and
// process figures (CPU, memory) read from procfs. Which processes there are
// (stat, liveness, trees, run members) comes from the one /proc layer the
// tests share, tests/support/proc.mjs, re-exported here.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { processesWithEnv } from '../tests/support/proc.mjs';
import { record } from './record.mjs';

export {
  argvOf,
  describeProcesses,
  descendantsOf,
  isAlive,
  readStat,
  refOf,
  zombieChildrenOf,
} from '../tests/support/proc.mjs';

/** The q-quantile (0..1) of `values` (nearest-rank). */
export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Summary of samples in ms: n, median, p99, min, max. */
export function summarize(samples) {
  return {
    n: samples.length,
    median: quantile(samples, 0.5),
    p99: quantile(samples, 0.99),
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/**
 * Prints rows of { name, ...summary } as an aligned table; `unit` labels the
 * numbers. Each row is also recorded for RESULTS.md (see record.mjs).
 */
export function printTable(title, rows, unit = 'ms') {
  const fmt = (v) =>
    typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v);
  const headers = ['what', 'n', `median ${unit}`, `p99 ${unit}`, `min ${unit}`, `max ${unit}`];
  const body = rows.map((r) => [r.name, r.n, r.median, r.p99, r.min, r.max].map(fmt));
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  for (const row of body) console.log(line(row));
  for (const r of rows)
    record(title, r.name, r.median, unit, {
      stat: 'median',
      p99: r.p99,
      min: r.min,
      max: r.max,
      n: r.n,
    });
}

// ---------------------------------------------------------------------------
// Process figures from procfs (Linux), for the pool and control benchmarks.

/** Clock ticks per second of `/proc/PID/stat` times (`getconf CLK_TCK`, usually 100). */
export const CLK_TCK = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function readOr(path, fallback) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return fallback;
  }
}

/** utime + stime of a process (all its threads), in clock ticks; 0 once it is gone. */
export function cpuTicks(pid) {
  const stat = readOr(`/proc/${pid}/stat`, undefined);
  if (stat === undefined) return 0;
  // Fields after the `(comm)`, which may hold spaces: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Time on CPU of every thread of a process, ns (`/proc/PID/task/*\/schedstat`): finer than ticks. */
export function cpuNs(pid) {
  let total = 0;
  let tasks = [];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return 0;
  }
  for (const tid of tasks)
    total += Number(readOr(`/proc/${pid}/task/${tid}/schedstat`, '0').split(' ')[0]);
  return total;
}

/** A CPU snapshot of this Node process and of `pids`, to diff with {@link cpuSince}. */
export function cpuSnapshot(pids) {
  return {
    atMs: performance.now(),
    node: process.cpuUsage(),
    ticks: pids.reduce((sum, pid) => sum + cpuTicks(pid), 0),
    ns: pids.reduce((sum, pid) => sum + cpuNs(pid), 0),
    machine: machineTicks(),
    mainThreadNs: Number(
      readOr(`/proc/${process.pid}/task/${process.pid}/schedstat`, '0').split(' ')[0],
    ),
    pids,
  };
}

/**
 * CPU used since `snapshot`: Node (process.cpuUsage, all threads), the
 * snapshot's processes (ticks → µs, and schedstat ns → µs), and the rest of
 * the machine, with the window. Processes that ended in between are not counted.
 */
export function cpuSince(snapshot) {
  const now = cpuSnapshot(snapshot.pids);
  const node = process.cpuUsage(snapshot.node);
  const nodeUs = node.user + node.system;
  const pythonNsUs = (now.ns - snapshot.ns) / 1000;
  const machineBusyUs = ((now.machine.busy - snapshot.machine.busy) * 1e6) / CLK_TCK;
  return {
    windowMs: now.atMs - snapshot.atMs,
    nodeUs,
    /** This process's main thread alone (schedstat), µs. */
    nodeMainUs: (now.mainThreadNs - snapshot.mainThreadNs) / 1000,
    pythonTickUs: ((now.ticks - snapshot.ticks) * 1e6) / CLK_TCK,
    pythonNsUs,
    /** CPU the rest of the machine used meanwhile (other processes, kernel), µs: noise. */
    othersUs: Math.max(0, machineBusyUs - nodeUs - pythonNsUs),
  };
}

/** Proportional set size of a process, bytes (`/proc/PID/smaps_rollup`); 0 once gone. */
export function pssBytes(pid) {
  const match = /^Pss:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/smaps_rollup`, ''));
  return match ? Number(match[1]) * 1024 : 0;
}

/** Resident set size of a process, bytes; 0 once gone. */
export function rssBytesOf(pid) {
  const match = /^VmRSS:\s+(\d+) kB/m.exec(readOr(`/proc/${pid}/status`, ''));
  return match ? Number(match[1]) * 1024 : 0;
}

/**
 * Pids of live processes whose environment holds `SNAKEPIT_RUN_ID=<runId>`
 * (any run when `runId` is undefined): workers and their guardians.
 */
export function runPids(runId) {
  return processesWithEnv('SNAKEPIT_RUN_ID', runId);
}

/** Runs `global.gc` if it can be had (it is exposed on demand: no node flag needed). */
export async function collectGarbage() {
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  gc();
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc();
}

/**
 * Prints rows (arrays of cells) under `headers`, first column left-aligned.
 * Each row is also recorded for RESULTS.md (see record.mjs): the second
 * column is its value, `headers[1]` its unit.
 */
export function printRows(title, headers, rows) {
  const fmt = (v) =>
    typeof v === 'number'
      ? Number.isInteger(v)
        ? String(v)
        : v.toFixed(Math.abs(v) >= 100 ? 0 : Math.abs(v) >= 10 ? 1 : 3)
      : String(v ?? '');
  const body = rows.map((row) => row.map(fmt));
  const widths = headers.map((h, i) =>
    Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  for (const row of body) console.log(line(row));
  for (const row of rows) {
    // The first value column is the figure (its header the unit); the others ride along.
    const [first, ...rest] = row.slice(1);
    const extra = Object.fromEntries(rest.map((v, i) => [headers[i + 2], v]));
    const isNumber = typeof first === 'number';
    record(title, String(row[0]), isNumber ? first : NaN, headers[1], {
      ...(isNumber ? {} : { text: String(first ?? '') }),
      columns: headers,
      ...extra,
    });
  }
}

/** `a / b` as `1.23×`. */
export const ratio = (a, b) => `${(a / b).toFixed(2)}×`;

/** Sleeps `ms`. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Closed-loop throughput of several cases, interleaved: each round runs every
 * case for `sliceSeconds` (after `leadSeconds` not counted), `concurrency`
 * loops awaiting `call()` back to back, so that drifting load on the machine
 * hits every case alike. `cases` are `{ name, call, pids }`; returns, per
 * name, calls/s and CPU per call (Node, and the case's `pids` by schedstat).
 */
export async function interleavedThroughput(
  cases,
  { concurrency, rounds, sliceSeconds, leadSeconds = 0.2 },
) {
  const totals = new Map(
    cases.map((c) => [c.name, { calls: 0, ms: 0, nodeUs: 0, pythonUs: 0, othersUs: 0 }]),
  );
  for (let round = 0; round < rounds; round++) {
    for (const c of cases) {
      let completed = 0;
      let isDone = false;
      const loop = async () => {
        while (!isDone) {
          await c.call();
          completed++;
        }
      };
      const loops = Array.from({ length: concurrency }, loop);
      await sleep(leadSeconds * 1000);
      const before = cpuSnapshot(c.pids);
      const countedFrom = completed;
      await sleep(sliceSeconds * 1000);
      const used = cpuSince(before);
      const calls = completed - countedFrom;
      isDone = true;
      await Promise.all(loops);
      const t = totals.get(c.name);
      t.calls += calls;
      t.ms += used.windowMs;
      t.nodeUs += used.nodeUs;
      t.pythonUs += used.pythonNsUs;
      t.othersUs += used.othersUs;
    }
  }
  return new Map(
    [...totals].map(([name, t]) => [
      name,
      {
        perS: t.calls / (t.ms / 1000),
        calls: t.calls,
        nodePct: (100 * t.nodeUs) / (t.ms * 1000),
        pythonPct: (100 * t.pythonUs) / (t.ms * 1000),
        othersPct: (100 * t.othersUs) / (t.ms * 1000),
        nodeUsPerCall: t.nodeUs / t.calls,
        pythonUsPerCall: t.pythonUs / t.calls,
      },
    ]),
  );
}

/** Busy and total jiffies of the whole machine (`/proc/stat`), to tell others' load from ours. */
export function machineTicks() {
  const cpu = readOr('/proc/stat', 'cpu 0').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already in user).
  const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
    cpu;
  return {
    busy: user + nice + system + irq + softirq + steal,
    total: user + nice + system + idle + iowait + irq + softirq + steal,
  };
}
