import { TraceFlags } from '@opentelemetry/api';
import type { AttributeValue, Attributes, HrTime, SpanContext } from '@opentelemetry/api';
import type { Resource } from '@opentelemetry/resources';
import type { ReadableSpan, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { PythonSpanRecord } from '@snakepit/core';

/**
 * Where the spans Python forwards go (`TelemetryOptions.pythonSpans`): the
 * span processors of the app's tracer provider and its resource. A forwarded
 * span keeps Python's ids, so Python's log records and the spans match.
 */
export interface PythonSpanExport {
  /** Each forwarded span is given to their `onEnd`, as the provider's own spans are. */
  readonly spanProcessors: readonly SpanProcessor[];
  /** The resource the spans are exported with: the owner's (`service.name`, `snakepit.run.id`). */
  readonly resource: Resource;
}

/** Hands the spans Python forwarded with one call to `target`'s processors. */
export function exportPythonSpans(
  target: PythonSpanExport,
  records: readonly PythonSpanRecord[],
): void {
  for (const record of records) {
    const span = toReadableSpan(record, target.resource);
    for (const processor of target.spanProcessors) processor.onEnd(span);
  }
}

/** One forwarded span as the SDK's exporters read a finished span. */
export function toReadableSpan(record: PythonSpanRecord, resource: Resource): ReadableSpan {
  const spanContext: SpanContext = {
    traceId: record.traceId,
    spanId: record.spanId,
    // Python records only spans of sampled calls.
    traceFlags: TraceFlags.SAMPLED,
  };
  const startTime = hrTime(record.startTimeUs);
  const endTime = hrTime(Math.max(record.startTimeUs, record.endTimeUs));
  return {
    name: record.name,
    kind: record.kind,
    spanContext: () => spanContext,
    ...(record.parentSpanId === undefined
      ? {}
      : {
          parentSpanContext: {
            traceId: record.traceId,
            spanId: record.parentSpanId,
            traceFlags: TraceFlags.SAMPLED,
          },
        }),
    startTime,
    endTime,
    duration: hrTime(Math.max(0, record.endTimeUs - record.startTimeUs)),
    status: {
      code: record.status.code,
      ...(record.status.message === undefined ? {} : { message: record.status.message }),
    },
    attributes: toAttributes(record.attributes),
    links: [],
    events: record.events.map((event) => ({
      name: event.name,
      time: hrTime(event.timeUs),
      attributes: toAttributes(event.attributes),
    })),
    ended: true,
    resource,
    instrumentationScope: {
      name: record.scope.name,
      ...(record.scope.version === undefined ? {} : { version: record.scope.version }),
    },
    droppedAttributesCount: record.droppedAttributesCount,
    droppedEventsCount: record.droppedEventsCount,
    droppedLinksCount: 0,
  };
}

function hrTime(us: number): HrTime {
  const seconds = Math.floor(us / 1_000_000);
  return [seconds, Math.round((us - seconds * 1_000_000) * 1000)];
}

/** JSON values as OpenTelemetry attribute values; anything else becomes its JSON text. */
function toAttributes(values: Readonly<Record<string, unknown>>): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(values)) {
    attributes[key] = toAttributeValue(value);
  }
  return attributes;
}

function toAttributeValue(value: unknown): AttributeValue {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'number')) {
    return value;
  }
  if (Array.isArray(value) && value.every((item) => typeof item === 'boolean')) {
    return value;
  }
  return JSON.stringify(value);
}
