// Machine-readable figures: when BENCH_JSON=<file> is set (bench/run.mjs sets
// it), each benchmark appends one JSON line per figure, next to its console
// tables; run.mjs renders bench/RESULTS.md and the README's headline from them.
//   { bench, section, name, value, unit, ...extra }
// `value` is a number, or null with a `text` when there is no number to give
// (e.g. "never"). stats.mjs's printTable and printRows record every row they
// print (with `columns`, the table's headers); extra fields (p99, n, …) are
// rendered as columns. Figures with `kind` and `metric` feed the headline
// table (compare.bench.mjs) and are left out of the per-section tables;
// `headline: "<label>"` lists a figure under it.
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';

const FILE = process.env.BENCH_JSON;
const BENCH = basename(process.argv[1] ?? 'bench', '.mjs').replace(/\.bench$/, '');

/** True in quick mode (`pnpm bench --quick` or BENCH_QUICK=1): fewer, shorter runs. */
export const isQuick = process.env.BENCH_QUICK === '1';

/**
 * Appends one figure to BENCH_JSON (no-op when unset). `value` in `unit`;
 * `extra` adds fields such as `p99`, `n`, `kind`, `text`, `headline`.
 */
export function record(section, name, value, unit, extra = {}) {
  if (!FILE) return;
  const figure = Number.isFinite(value) ? value : null;
  appendFileSync(
    FILE,
    `${JSON.stringify({ bench: BENCH, section, name, value: figure, unit, ...extra })}\n`,
  );
}

/** Records the median of a `summarize()` result, with its p99, min, max and n. */
export function recordSummary(section, name, summary, unit = 'ms', extra = {}) {
  const { median, p99, min, max, n } = summary;
  record(section, name, median, unit, { stat: 'median', p99, min, max, n, ...extra });
}
