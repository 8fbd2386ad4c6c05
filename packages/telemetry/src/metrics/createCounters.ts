import type { BatchObservableResult } from '@opentelemetry/api';
import { CounterTable } from './CounterTable.js';
import type { Instruments } from './createInstruments.js';
import { SNAKEPIT_METRICS } from './snakepitMetrics.js';
import type { SnakepitCounterKey } from './snakepitMetrics.js';

/** The running totals of every Snakepit counter. */
export type Counters = { readonly [K in SnakepitCounterKey]: CounterTable };

const COUNTER_KEYS = (Object.keys(SNAKEPIT_METRICS) as (keyof typeof SNAKEPIT_METRICS)[]).filter(
  (key): key is SnakepitCounterKey => SNAKEPIT_METRICS[key].kind === 'observable_counter',
);

/** An empty table per counter. */
export function createCounters(): Counters {
  return Object.fromEntries(COUNTER_KEYS.map((key) => [key, new CounterTable()])) as Counters;
}

/** Reports every counter's totals to its observable instrument. */
export function observeCounters(
  result: BatchObservableResult,
  counters: Counters,
  instruments: Instruments,
): void {
  for (const key of COUNTER_KEYS) counters[key].observe(result, instruments[key]);
}

/** The observable counter instruments, for `addBatchObservableCallback`. */
export function counterInstruments(instruments: Instruments): Instruments[SnakepitCounterKey][] {
  return COUNTER_KEYS.map((key) => instruments[key]);
}
