// Runs every benchmark in this directory (files ending in .bench.mjs), or the
// ones named on the command line, one after another, each with BENCH_JSON set
// so that it appends its figures as JSON lines (record.mjs). Then renders them:
//   full run of every benchmark → bench/RESULTS.md and the README's headline
//                                 table (between the bench:headline markers);
//   --quick or a partial run    → bench/results/RESULTS.{quick,partial}.md,
//                                 the README untouched.
// The raw figures go to bench/results/figures*.jsonl.
//
//   node bench/run.mjs [--quick] [name-prefix …]      (pnpm bench -- --quick)
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolvePython } from '@snakepit/core/process';
import { renderHeadline, renderResults } from './render.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const isQuick = args.includes('--quick') || process.env.BENCH_QUICK === '1';
const wanted = args.filter((a) => !a.startsWith('--'));
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
const isComplete = !isQuick && wanted.length === 0;

// Quick mode: every benchmark's knobs turned down (a value set by the user wins).
const QUICK_ENV = {
  BENCH_QUICK: '1',
  BENCH_STARTS: '3',
  BENCH_ROUND_TRIPS: '300',
  BENCH_WARMUP: '300',
  BENCH_RUNS: '1',
  BENCH_KILL_CASES: '10:shared',
  BENCH_STOP_SIZE: '10',
  BENCH_THROUGHPUT_S: '1',
  BENCH_HB_WORKERS: '10',
  BENCH_HB_WINDOW_S: '3',
  BENCH_SETTLE_S: '1',
  BENCH_SIZES: '1,10',
};

const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const suffix = isComplete ? '' : isQuick ? '.quick' : '.partial';
const figuresFile = join(resultsDir, `figures${suffix}.jsonl`);
rmSync(figuresFile, { force: true });

const startedAt = new Date();
// How busy the machine was before we started: the headline says so.
const loadBefore = loadavg()[0];
const t0 = performance.now();
const runs = [];
for (const file of files) {
  console.log(`\n=== ${file} ===`);
  const env = { ...(isQuick ? QUICK_ENV : {}), ...process.env, BENCH_JSON: figuresFile };
  const t = performance.now();
  const result = spawnSync(process.execPath, [join(here, file)], { stdio: 'inherit', env });
  runs.push({
    file,
    status: result.status ?? result.signal,
    seconds: (performance.now() - t) / 1000,
  });
}
const wallSeconds = (performance.now() - t0) / 1000;

let figures = [];
try {
  figures = readFileSync(figuresFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
} catch {
  // No benchmark wrote a figure.
}

function cpuModel() {
  const match = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
  return match?.[1] ?? cpus()[0]?.model ?? 'unknown';
}
const python = await resolvePython({}).catch(() => undefined);
const machine = {
  date: startedAt.toISOString().replace(/\.\d+Z$/, 'Z'),
  cpu: `${cpuModel()}, ${cpus().length} cores`,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
  kernel: `Linux ${release()}`,
  node: process.version,
  // A path inside the repository is written relative to it: RESULTS.md names no one machine's paths.
  python: python
    ? `${python.pythonVersion} (${python.path.startsWith(`${join(here, '..')}/`) ? relative(join(here, '..'), python.path) : python.path})`
    : 'not found',
  grpcio: python?.grpcVersion ?? 'not found',
  mode: isQuick ? 'quick (BENCH_QUICK=1: fewer, shorter runs)' : 'full',
  wallSeconds,
  loadBefore,
  loadAfter: loadavg()[0],
};

const results = renderResults({ machine, runs, figures });
const resultsFile = isComplete ? join(here, 'RESULTS.md') : join(resultsDir, `RESULTS${suffix}.md`);
writeFileSync(resultsFile, results);
const headline = renderHeadline({ machine, figures });
console.log(`\n${headline}`);
if (isComplete) {
  const readmeFile = join(here, '..', 'README.md');
  const readme = readFileSync(readmeFile, 'utf8');
  const start = '<!-- bench:headline:start -->';
  const end = '<!-- bench:headline:end -->';
  const from = readme.indexOf(start);
  const to = readme.indexOf(end);
  if (from < 0 || to < from) {
    console.error(`README.md has no ${start} … ${end} markers: headline not written`);
  } else {
    writeFileSync(
      readmeFile,
      `${readme.slice(0, from + start.length)}\n${headline}\n${readme.slice(to)}`,
    );
    console.log(`README.md headline table updated`);
  }
}
console.log(
  `\n${resultsFile} written; ${figures.length} figures from ${runs.length} benchmarks in ${(wallSeconds / 60).toFixed(1)} min`,
);
process.exit(runs.every((r) => r.status === 0) ? 0 : 1);
