import { appendFileSync } from 'node:fs';

/** One repetition of a chaos scenario. */
export interface ChaosRun {
  readonly scenario: string;
  readonly isOk: boolean;
  /** The figure the scenario asserts on (e.g. kill → last process gone), ms. */
  readonly ms?: number;
  /** Anything worth seeing next to it (where the time went, the random delay…). */
  readonly note?: string;
}

const runs: ChaosRun[] = [];

/**
 * Records a repetition; with `SNAKEPIT_CHAOS_REPORT=<file>` each is also
 * appended to that file as one JSON line. The integration project's global
 * set-up (`chaosReport.ts`) always names one and prints a single table for
 * every file of the run at its end.
 */
export function recordRun(run: ChaosRun): void {
  runs.push(run);
  const file = process.env.SNAKEPIT_CHAOS_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(run)}\n`);
}

/** One repetition in progress: see {@link startRun}. */
export interface RunInProgress {
  /** Sets (or replaces) the figure and note to report, before the assertions run. */
  measure(ms: number | undefined, note?: string): void;
  /** Marks the repetition as passed; call it after the last assertion. */
  ok(): void;
}

const pending: (() => void)[] = [];

/**
 * Tracks one repetition; it is recorded by {@link settleRuns} (call it from
 * `afterEach`) as failed unless `ok()` was called.
 */
export function startRun(scenario: string): RunInProgress {
  let isOk = false;
  let ms: number | undefined;
  let note: string | undefined;
  pending.push(() =>
    recordRun({
      scenario,
      isOk,
      ...(ms === undefined ? {} : { ms: Math.round(ms) }),
      ...(note === undefined ? {} : { note }),
    }),
  );
  return {
    measure(figure, text) {
      ms = figure;
      note = text;
    },
    ok() {
      isOk = true;
    },
  };
}

/** Records the repetitions started since the last call. */
export function settleRuns(): void {
  for (const record of pending.splice(0)) record();
}

/** Prints runs, failures and the worst figure per scenario, for `list` (default: this file's runs). */
export function printRuns(list: readonly ChaosRun[] = runs): void {
  // Under the integration project's global set-up, one table is printed for
  // the whole run instead (chaosReport.ts).
  if (process.env.SNAKEPIT_CHAOS_TABLE === 'global') return;
  console.log(formatRuns(list));
}

/** The table of {@link printRuns}: one row per scenario, in first-seen order. */
export function formatRuns(list: readonly ChaosRun[]): string {
  const byScenario = new Map<string, ChaosRun[]>();
  for (const run of list)
    byScenario.set(run.scenario, [...(byScenario.get(run.scenario) ?? []), run]);
  const rows = [...byScenario].map(([scenario, group]) => {
    const figures = group.flatMap((r) => (r.ms === undefined ? [] : [r.ms])).sort((a, b) => a - b);
    const median = figures[Math.floor((figures.length - 1) / 2)];
    return [
      scenario,
      String(group.length),
      String(group.filter((r) => !r.isOk).length),
      median === undefined ? '-' : String(median),
      figures.length === 0 ? '-' : String(figures[figures.length - 1]),
    ];
  });
  const header = ['scenario', 'runs', 'failures', 'median ms', 'worst ms'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return ['chaos results', line(header), ...rows.map(line)].join('\n');
}
