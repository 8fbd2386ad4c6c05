import type {
  Histogram,
  Meter,
  ObservableCounter,
  ObservableUpDownCounter,
} from '@opentelemetry/api';
import { SNAKEPIT_METRICS } from './snakepitMetrics.js';
import type { MetricDefinition, SnakepitMetricKey } from './snakepitMetrics.js';

type Defs = typeof SNAKEPIT_METRICS;

/** The instrument of each {@link SNAKEPIT_METRICS} entry, by key. */
export type Instruments = {
  readonly [K in SnakepitMetricKey]: Defs[K]['kind'] extends 'observable_counter'
    ? ObservableCounter
    : Defs[K]['kind'] extends 'histogram'
      ? Histogram
      : ObservableUpDownCounter;
};

/** Creates every Snakepit instrument on `meter`, with its unit, description and buckets. */
export function createInstruments(meter: Meter): Instruments {
  const entries = Object.entries(SNAKEPIT_METRICS) as [SnakepitMetricKey, MetricDefinition][];
  return Object.fromEntries(
    entries.map(([key, def]) => [key, createInstrument(meter, def)]),
  ) as unknown as Instruments;
}

function createInstrument(
  meter: Meter,
  def: MetricDefinition,
): ObservableCounter | Histogram | ObservableUpDownCounter {
  const options = { unit: def.unit, description: def.description };
  switch (def.kind) {
    case 'observable_counter':
      return meter.createObservableCounter(def.name, options);
    case 'histogram':
      return meter.createHistogram(def.name, {
        ...options,
        ...(def.buckets ? { advice: { explicitBucketBoundaries: [...def.buckets] } } : {}),
      });
    case 'observable_updowncounter':
      return meter.createObservableUpDownCounter(def.name, options);
  }
}
