import type { PythonSpanRecord } from '@snakepit/core';
import type { v1 } from '@snakepit/proto';

/**
 * The spans Python forwarded with an answer (`ExecuteResponse.spans`), as the
 * pool's tracer takes them, or `undefined` when there are none.
 */
export function decodePythonSpans(
  spans: readonly v1.IPythonSpan[] | null | undefined,
): readonly PythonSpanRecord[] | undefined {
  if (!spans || spans.length === 0) return undefined;
  return spans.map((span) => ({
    name: span.name ?? '',
    traceId: hex(span.traceId),
    spanId: hex(span.spanId),
    ...(span.parentSpanId && span.parentSpanId.length > 0
      ? { parentSpanId: hex(span.parentSpanId) }
      : {}),
    kind: span.kind ?? 0,
    startTimeUs: span.startTimeUnixUs ?? 0,
    endTimeUs: span.endTimeUnixUs ?? 0,
    attributes: parseAttributes(span.attributesJson),
    status: {
      code: span.statusCode ?? 0,
      ...(span.statusMessage ? { message: span.statusMessage } : {}),
    },
    events: (span.events ?? []).map((event) => ({
      name: event.name ?? '',
      timeUs: event.timeUnixUs ?? 0,
      attributes: parseAttributes(event.attributesJson),
    })),
    scope: {
      name: span.scopeName ?? '',
      ...(span.scopeVersion ? { version: span.scopeVersion } : {}),
    },
    droppedAttributesCount: span.droppedAttributes ?? 0,
    droppedEventsCount: span.droppedEvents ?? 0,
  }));
}

// The spans of a call that failed in Python travel beside its error, not in
// its `details`: they are for the tracer, not for the caller.
const spansOfErrors = new WeakMap<object, readonly PythonSpanRecord[]>();

/** Keeps the spans Python forwarded with a failed call beside its error; returns the error. */
export function withPythonSpans<E extends object>(
  error: E,
  spans: readonly PythonSpanRecord[] | undefined,
): E {
  if (spans) spansOfErrors.set(error, spans);
  return error;
}

/** The spans Python forwarded with the call that failed with `error`, if any. */
export function pythonSpansOf(error: unknown): readonly PythonSpanRecord[] | undefined {
  return typeof error === 'object' && error !== null ? spansOfErrors.get(error) : undefined;
}

function hex(bytes: Uint8Array | null | undefined): string {
  return bytes ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex') : '';
}

function parseAttributes(json: string | null | undefined): Readonly<Record<string, unknown>> {
  if (!json) return {};
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}
