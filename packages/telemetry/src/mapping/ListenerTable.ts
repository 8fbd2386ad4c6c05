import type { SnakepitEventMap } from '@snakepit/core';
import type { TelemetryEventName } from './telemetryEventNames.js';
import type { AttributeFactory } from '../metrics/AttributeFactory.js';
import type { Counters } from '../metrics/createCounters.js';
import type { CounterSeeds } from '../metrics/CounterSeeds.js';
import type { Instruments } from '../metrics/createInstruments.js';
import type { PoolStateTracker } from '../metrics/PoolStateTracker.js';
import type { WorkerSpans } from '../spans/WorkerSpans.js';
import type { WorkerLogRecords } from '../logs/WorkerLogRecords.js';

/** One listener per mapped event name. */
export type ListenerTable = {
  readonly [N in TelemetryEventName]?: (payload: SnakepitEventMap[N]) => void;
};

/** What the listeners record into. */
export interface MappingContext {
  /** Histograms are recorded on the instruments; counters go to their tables. */
  readonly instruments: Instruments;
  readonly counters: Counters;
  /** Creates the worker counters' series at 0 when a worker starts. */
  readonly seeds: CounterSeeds;
  readonly attributes: AttributeFactory;
  readonly spans: WorkerSpans;
  readonly pools: PoolStateTracker;
  readonly logs: WorkerLogRecords;
}
