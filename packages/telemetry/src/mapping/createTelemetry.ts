import type { BatchObservableCallback } from '@opentelemetry/api';
import type { EventBus } from '@snakepit/core';
import { AttributeFactory } from '../metrics/AttributeFactory.js';
import { counterInstruments, createCounters, observeCounters } from '../metrics/createCounters.js';
import { CounterSeeds } from '../metrics/CounterSeeds.js';
import { createInstruments } from '../metrics/createInstruments.js';
import { WorkerLogRecords } from '../logs/WorkerLogRecords.js';
import { PoolStateTracker } from '../metrics/PoolStateTracker.js';
import { invalidOption } from '../options/invalidOption.js';
import { resolveTelemetryOptions } from '../options/TelemetryOptions.js';
import type { TelemetryOptions } from '../options/TelemetryOptions.js';
import { createExecuteTracing } from '../spans/createExecuteTracing.js';
import { WorkerSpans } from '../spans/WorkerSpans.js';
import type { ListenerTable, MappingContext } from './ListenerTable.js';
import { poolListeners } from './poolListeners.js';
import { supervisorListeners } from './supervisorListeners.js';
import { workerListeners } from './workerListeners.js';
import type { TelemetryEventName } from './telemetryEventNames.js';

/** A running mapping from an event bus to OpenTelemetry instruments and spans. */
export interface Telemetry {
  /** The events listened to (the enabled ones, in `TELEMETRY_EVENT_NAMES` order). */
  readonly events: readonly TelemetryEventName[];
  /**
   * Unsubscribes from the bus, detaches its call tracer, stops observing
   * pool state and ends spans still waiting for a cleanup event. Flushing is the SDK's job (see
   * `setupTelemetry`). Idempotent.
   */
  shutdown(): void;
}

/**
 * Maps Snakepit events on `bus` to OpenTelemetry metrics and spans through
 * `@opentelemetry/api` only: every discrete event counts in a counter of its
 * own name (running totals, observed at collection time), durations go to
 * histograms in seconds, pool workers by state and queue depth are observed
 * at collection time, and worker start and termination become spans. Unless
 * `traceCalls: false`, it also attaches a call tracer to the bus, so pools on
 * it trace their calls (`snakepit.execute` → `snakepit.python.handler`).
 * Instruments use the global API unless a `meter` and `tracer` are given, so
 * with no SDK registered every call is a no-op.
 *
 * ```ts
 * const telemetry = createTelemetry(bus, { events: { 'snakepit.worker.heartbeat.sent': false } });
 * // …
 * telemetry.shutdown();
 * ```
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` when `bus` or an option is invalid.
 */
export function createTelemetry(bus: EventBus, options?: TelemetryOptions): Telemetry {
  if (typeof (bus as Partial<EventBus> | undefined)?.on !== 'function') {
    throw invalidOption('bus', bus, 'an EventBus');
  }
  const resolved = resolveTelemetryOptions(options);
  const attributes = new AttributeFactory(resolved.maxAttributeValues);
  const instruments = createInstruments(resolved.meter);
  const pools = new PoolStateTracker(attributes, resolved.maxAttributeValues);
  const isCleanupMapped = resolved.events.includes('snakepit.worker.cleanup.completed');
  const spans = new WorkerSpans(resolved.tracer, resolved.spans, isCleanupMapped);
  const counters = createCounters();
  const seeds = new CounterSeeds(
    counters,
    attributes,
    resolved.events,
    resolved.maxAttributeValues,
  );
  const logs = new WorkerLogRecords(
    resolved.logger,
    resolved.logs,
    resolved.maxAttributeValues,
    (log) => counters.logDropped.add(attributes.worker(log.poolId, log.workerId)),
  );
  const context: MappingContext = { instruments, counters, seeds, attributes, spans, pools, logs };
  const listeners: ListenerTable = {
    ...workerListeners(context),
    ...supervisorListeners(context),
    ...poolListeners(context),
  };
  const unsubscribers = resolved.events.map((name) => subscribe(bus, name, listeners[name]));
  const observe: BatchObservableCallback = (result) => {
    observeCounters(result, counters, instruments);
    pools.observe(result, instruments.workerCount, instruments.queueDepth);
  };
  const observables = [
    ...counterInstruments(instruments),
    instruments.workerCount,
    instruments.queueDepth,
  ];
  resolved.meter.addBatchObservableCallback(observe, observables);
  // A bus from an older @snakepit/core (a duplicate install) has no tracer
  // slot: its pools take `tracer` only, as they always did.
  const detachTracer =
    resolved.traceCalls && typeof bus.attachExecuteTracer === 'function'
      ? bus.attachExecuteTracer(
          createExecuteTracing(
            resolved.tracer,
            resolved.pythonSpans ? { pythonSpans: resolved.pythonSpans } : {},
          ),
        )
      : undefined;
  let isShutDown = false;
  return {
    events: resolved.events,
    shutdown() {
      if (isShutDown) return;
      isShutDown = true;
      for (const unsubscribe of unsubscribers) unsubscribe();
      detachTracer?.();
      resolved.meter.removeBatchObservableCallback(observe, observables);
      spans.endPending();
    },
  };
}

function subscribe<N extends TelemetryEventName>(
  bus: EventBus,
  name: N,
  listener: ListenerTable[N],
): () => void {
  if (listener === undefined) return () => {};
  return bus.on(name, listener);
}
