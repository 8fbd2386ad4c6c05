import type { TelemetryEventMap, TelemetryEventName } from '../events/TelemetryEvents.js';
import type { AttributeFactory } from '../metrics/AttributeFactory.js';
import type { Counters } from '../metrics/createCounters.js';
import type { Instruments } from '../metrics/createInstruments.js';
import type { PoolStateTracker } from '../metrics/PoolStateTracker.js';
import type { WorkerSpans } from '../spans/WorkerSpans.js';

/** One listener per mapped event name. */
export type ListenerTable = {
  readonly [N in TelemetryEventName]?: (payload: TelemetryEventMap[N]) => void;
};

/** What the listeners record into. */
export interface MappingContext {
  /** Histograms are recorded on the instruments; counters go to their tables. */
  readonly instruments: Instruments;
  readonly counters: Counters;
  readonly attributes: AttributeFactory;
  readonly spans: WorkerSpans;
  readonly pools: PoolStateTracker;
}
