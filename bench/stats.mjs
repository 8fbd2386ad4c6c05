// Small helpers shared by the benchmarks: percentiles and a printed table.

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

/** Prints rows of { name, ...summary } as an aligned table; `unit` labels the numbers. */
export function printTable(title, rows, unit = 'ms') {
  const fmt = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(3)) : String(v));
  const headers = ['what', 'n', `median ${unit}`, `p99 ${unit}`, `min ${unit}`, `max ${unit}`];
  const body = rows.map((r) => [r.name, r.n, r.median, r.p99, r.min, r.max].map(fmt));
  const widths = headers.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${title}`);
  console.log(line(headers));
  for (const row of body) console.log(line(row));
}
