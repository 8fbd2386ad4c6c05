import { metrics, trace } from '@opentelemetry/api';
import type { Meter, Tracer } from '@opentelemetry/api';
import { logs } from '@opentelemetry/api-logs';
import type { Logger } from '@opentelemetry/api-logs';
import type { ResolvedLogLimits } from '../logs/WorkerLogRecords.js';
import type { PythonSpanExport } from '../spans/forwardedPythonSpans.js';
import { TELEMETRY_EVENT_NAMES } from '../mapping/telemetryEventNames.js';
import type { TelemetryEventName } from '../mapping/telemetryEventNames.js';
import { TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION } from '../version.js';
import {
  checkBoolean,
  checkInteger,
  checkKnownKeys,
  checkObject,
  invalidOption,
} from './invalidOption.js';

/** Which spans `createTelemetry` builds from events. */
export interface TelemetrySpanOptions {
  /** `snakepit.worker.start` (spawn → Ready) per worker start. @default true */
  readonly workerStart?: boolean;
  /** `snakepit.worker.stop` (stop request → reaped → cleaned up) per worker end. @default true */
  readonly workerStop?: boolean;
  /** `snakepit.worker.heartbeat` per Ping round trip and miss: many spans. @default false */
  readonly heartbeat?: boolean;
}

/**
 * How many log records each worker may send to the exporter: a token bucket
 * per worker, so that one worker printing megabytes neither floods the
 * exporter nor crowds out the others. Records over it are dropped and
 * counted in `snakepit.worker.log.dropped`.
 */
export interface TelemetryLogOptions {
  /** Records per second a worker may send, sustained (1–1 000 000). @default 100 */
  readonly maxRecordsPerSecond?: number;
  /** Records a worker may send at once, after a quiet spell (1–1 000 000). @default 1000 */
  readonly burstRecords?: number;
}

/** Options of `createTelemetry`. */
export interface TelemetryOptions {
  /**
   * Where the instruments are created.
   * @default metrics.getMeter('@snakepit/telemetry', version) from the global API (a no-op until an SDK registers)
   */
  readonly meter?: Meter;
  /**
   * Where spans are started.
   * @default trace.getTracer('@snakepit/telemetry', version) from the global API
   */
  readonly tracer?: Tracer;
  /**
   * Where worker output and Python `logging` records become log records.
   * @default logs.getLogger('@snakepit/telemetry', version) from `@opentelemetry/api-logs` (a no-op until an SDK registers)
   */
  readonly logger?: Logger;
  /** Log record budget per worker. @default { maxRecordsPerSecond: 100, burstRecords: 1000 } */
  readonly logs?: TelemetryLogOptions;
  /**
   * Per-event switches: `false` maps nothing for that event (no listener at
   * all, so emitting it stays free). Events not listed are on.
   * @default every event in TELEMETRY_EVENT_NAMES on
   */
  readonly events?: Readonly<Partial<Record<TelemetryEventName, boolean>>>;
  /** Which spans to build. @default { workerStart: true, workerStop: true, heartbeat: false } */
  readonly spans?: TelemetrySpanOptions;
  /**
   * Distinct values kept per metric attribute (worker ids, commands, reasons…)
   * before further new values are reported as `_other`; bounds the series.
   * @default 1000
   */
  readonly maxAttributeValues?: number;
  /**
   * Trace pool calls: attach `createExecuteTracing(tracer)` to the bus
   * (`bus.attachExecuteTracer`), so that every pool on it that was given no
   * `tracer` of its own records `snakepit.execute` and
   * `snakepit.python.handler` spans and sends W3C trace context to Python.
   * Detached by `shutdown()`. With no SDK registered the global tracer is a
   * no-op and a call costs about 1 µs more than without it.
   * @default true (`setupTelemetry`: `false` when it has no span exporter or processor)
   */
  readonly traceCalls?: boolean;
  /**
   * Where the spans a worker's Python records go when it has the
   * OpenTelemetry API but no tracer provider of its own: the traced calls
   * ask Python to forward them (a user's `start_as_current_span` in a
   * handler, under `snakepit.python.handler`), and they are given to these
   * span processors with this resource. `false` or absent: nothing is
   * forwarded, and such spans are not recorded.
   * @default undefined (`setupTelemetry`: its span processors and resource)
   */
  readonly pythonSpans?: PythonSpanExport | false;
}

/** {@link TelemetryOptions} after defaults. */
export interface ResolvedTelemetryOptions {
  readonly meter: Meter;
  readonly tracer: Tracer;
  readonly logger: Logger;
  readonly logs: ResolvedLogLimits;
  /** The events to map, in {@link TELEMETRY_EVENT_NAMES} order. */
  readonly events: readonly TelemetryEventName[];
  readonly spans: Required<TelemetrySpanOptions>;
  readonly maxAttributeValues: number;
  readonly traceCalls: boolean;
  readonly pythonSpans: PythonSpanExport | undefined;
}

/** The defaults of {@link TelemetryOptions} (the meter and tracer default to the global API). */
export const DEFAULT_TELEMETRY_OPTIONS = {
  spans: { workerStart: true, workerStop: true, heartbeat: false },
  logs: { maxRecordsPerSecond: 100, burstRecords: 1000 },
  maxAttributeValues: 1000,
  traceCalls: true,
} as const satisfies TelemetryOptions;

const KNOWN_KEYS = [
  'meter',
  'tracer',
  'logger',
  'logs',
  'events',
  'spans',
  'maxAttributeValues',
  'traceCalls',
  'pythonSpans',
];
const LOG_KEYS = ['maxRecordsPerSecond', 'burstRecords'] as const;
const SPAN_KEYS = ['workerStart', 'workerStop', 'heartbeat'] as const;

/**
 * Validates `options` and fills in the defaults.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` naming the option, the value and what was expected.
 */
export function resolveTelemetryOptions(options: TelemetryOptions = {}): ResolvedTelemetryOptions {
  checkKnownKeys('', checkObject('(options)', options), KNOWN_KEYS);
  return {
    meter: options.meter ?? metrics.getMeter(TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION),
    tracer: options.tracer ?? trace.getTracer(TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION),
    logger: options.logger ?? logs.getLogger(TELEMETRY_SCOPE_NAME, TELEMETRY_SCOPE_VERSION),
    logs: resolveLogs(options.logs),
    events: resolveEvents(options.events),
    spans: resolveSpans(options.spans),
    maxAttributeValues:
      options.maxAttributeValues === undefined
        ? DEFAULT_TELEMETRY_OPTIONS.maxAttributeValues
        : checkInteger('maxAttributeValues', options.maxAttributeValues, 1, 1_000_000),
    traceCalls:
      options.traceCalls === undefined
        ? DEFAULT_TELEMETRY_OPTIONS.traceCalls
        : checkBoolean('traceCalls', options.traceCalls),
    pythonSpans: resolvePythonSpans(options.pythonSpans),
  };
}

function resolvePythonSpans(target: TelemetryOptions['pythonSpans']): PythonSpanExport | undefined {
  if (target === undefined || target === false) return undefined;
  const given = checkObject('pythonSpans', target);
  checkKnownKeys('pythonSpans', given, ['spanProcessors', 'resource']);
  const { spanProcessors, resource } = target;
  if (
    !Array.isArray(spanProcessors) ||
    !spanProcessors.every((p: unknown) => typeof (p as { onEnd?: unknown })?.onEnd === 'function')
  ) {
    throw invalidOption('pythonSpans.spanProcessors', spanProcessors, 'an array of SpanProcessor');
  }
  if (typeof (resource as { attributes?: unknown } | undefined)?.attributes !== 'object') {
    throw invalidOption('pythonSpans.resource', resource, 'a Resource (@opentelemetry/resources)');
  }
  return target;
}

function resolveEvents(events: TelemetryOptions['events']): readonly TelemetryEventName[] {
  if (events === undefined) return TELEMETRY_EVENT_NAMES;
  const switches = checkObject('events', events);
  for (const [name, isOn] of Object.entries(switches)) {
    if (!(TELEMETRY_EVENT_NAMES as readonly string[]).includes(name)) {
      throw invalidOption('events', name, 'keyed by event names from TELEMETRY_EVENT_NAMES');
    }
    checkBoolean(`events.${name}`, isOn);
  }
  return TELEMETRY_EVENT_NAMES.filter((name) => switches[name] !== false);
}

function resolveSpans(spans: TelemetrySpanOptions | undefined): Required<TelemetrySpanOptions> {
  const defaults = DEFAULT_TELEMETRY_OPTIONS.spans;
  if (spans === undefined) return defaults;
  const given = checkObject('spans', spans);
  checkKnownKeys('spans', given, SPAN_KEYS);
  const pick = (key: (typeof SPAN_KEYS)[number]): boolean =>
    given[key] === undefined ? defaults[key] : checkBoolean(`spans.${key}`, given[key]);
  return {
    workerStart: pick('workerStart'),
    workerStop: pick('workerStop'),
    heartbeat: pick('heartbeat'),
  };
}

function resolveLogs(options: TelemetryLogOptions | undefined): ResolvedLogLimits {
  const defaults = DEFAULT_TELEMETRY_OPTIONS.logs;
  if (options === undefined) return defaults;
  const given = checkObject('logs', options);
  checkKnownKeys('logs', given, LOG_KEYS);
  const pick = (key: (typeof LOG_KEYS)[number]): number =>
    given[key] === undefined
      ? defaults[key]
      : checkInteger(`logs.${key}`, given[key], 1, 1_000_000);
  return { maxRecordsPerSecond: pick('maxRecordsPerSecond'), burstRecords: pick('burstRecords') };
}
