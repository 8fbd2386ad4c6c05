// A small decoder for the OTLP protobuf requests the exporters send, with
// the field numbers of opentelemetry-proto (collector/{metrics,trace}/v1).
// otlp-transformer 0.223 only serialises requests (it has no protobufjs
// definitions any more), so the test reads the wire format itself: a
// generic field reader plus the few messages asserted on.

type Value = bigint | Uint8Array;
type Fields = Map<number, Value[]>;

function readVarint(buf: Uint8Array, pos: number): [bigint, number] {
  let result = 0n;
  let shift = 0n;
  for (;;) {
    const byte = buf[pos++]!;
    result |= BigInt(byte & 0x7f) << shift;
    if ((byte & 0x80) === 0) return [result, pos];
    shift += 7n;
  }
}

function fields(buf: Uint8Array): Fields {
  const out: Fields = new Map();
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let pos = 0;
  while (pos < buf.length) {
    const [tag, afterTag] = readVarint(buf, pos);
    pos = afterTag;
    const field = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    let value: Value;
    if (wire === 0) [value, pos] = readVarint(buf, pos);
    else if (wire === 1) [value, pos] = [view.getBigUint64(pos, true), pos + 8];
    else if (wire === 5) [value, pos] = [BigInt(view.getUint32(pos, true)), pos + 4];
    else if (wire === 2) {
      const [length, start] = readVarint(buf, pos);
      value = buf.subarray(start, start + Number(length));
      pos = start + Number(length);
    } else throw new Error(`unsupported wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

const text = (v: Value | undefined) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : '');
const bytes = (v: Value | undefined) => (v instanceof Uint8Array ? v : new Uint8Array());
const num = (v: Value | undefined) => (typeof v === 'bigint' ? Number(v) : 0);
const hex = (v: Value | undefined) => Buffer.from(bytes(v)).toString('hex');
const double = (v: Value | undefined) => {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, typeof v === 'bigint' ? v : 0n, true);
  return view.getFloat64(0, true);
};
const messages = (f: Fields, n: number) => (f.get(n) ?? []).map((v) => fields(bytes(v)));

function anyValue(f: Fields): unknown {
  if (f.has(1)) return text(f.get(1)![0]);
  if (f.has(2)) return num(f.get(2)![0]) === 1;
  if (f.has(3)) return num(f.get(3)![0]);
  if (f.has(4)) return double(f.get(4)![0]);
  return undefined;
}

function attributes(f: Fields, n: number): Record<string, unknown> {
  return Object.fromEntries(
    messages(f, n).map((kv) => [
      text(kv.get(1)?.[0]),
      anyValue(messages(kv, 2)[0] ?? new Map<number, Value[]>()),
    ]),
  );
}

/** A decoded OTLP data point (sum/gauge: `value`; histogram: `count` and `sum`). */
export interface OtlpPoint {
  readonly attributes: Record<string, unknown>;
  readonly value?: number;
  readonly count?: number;
  readonly sum?: number;
}

/** A decoded OTLP metric. */
export interface OtlpMetric {
  readonly name: string;
  readonly unit: string;
  readonly kind: 'gauge' | 'sum' | 'histogram' | 'other';
  readonly isMonotonic: boolean;
  readonly points: OtlpPoint[];
}

/** Decodes an `ExportMetricsServiceRequest`: resource attributes and metrics. */
export function decodeMetricsRequest(body: Uint8Array) {
  return messages(fields(body), 1).map((rm) => ({
    resource: attributes(messages(rm, 1)[0] ?? new Map<number, Value[]>(), 1),
    metrics: messages(rm, 2).flatMap((sm) => messages(sm, 2).map(decodeMetric)),
  }));
}

function decodeMetric(m: Fields): OtlpMetric {
  const base = { name: text(m.get(1)?.[0]), unit: text(m.get(3)?.[0]) };
  const numberPoint = (p: Fields): OtlpPoint => ({
    attributes: attributes(p, 7),
    value: p.has(4) ? double(p.get(4)![0]) : num(p.get(6)?.[0]),
  });
  for (const [field, kind] of [
    [5, 'gauge'],
    [7, 'sum'],
  ] as const) {
    const data = messages(m, field)[0];
    if (data) {
      const isMonotonic = num(data.get(3)?.[0]) === 1;
      return { ...base, kind, isMonotonic, points: messages(data, 1).map(numberPoint) };
    }
  }
  const histogram = messages(m, 9)[0];
  if (!histogram) return { ...base, kind: 'other', isMonotonic: false, points: [] };
  const points = messages(histogram, 1).map((p) => ({
    attributes: attributes(p, 9),
    count: num(p.get(4)?.[0]),
    sum: double(p.get(5)?.[0]),
  }));
  return { ...base, kind: 'histogram', isMonotonic: false, points };
}

/** A decoded OTLP span. */
export interface OtlpSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string;
  readonly name: string;
  readonly kind: number;
  readonly startUnixMs: number;
  readonly endUnixMs: number;
  readonly attributes: Record<string, unknown>;
  readonly events: string[];
  readonly statusCode: number;
}

/** Decodes an `ExportTraceServiceRequest`: resource attributes and spans. */
export function decodeTraceRequest(body: Uint8Array) {
  return messages(fields(body), 1).map((rs) => ({
    resource: attributes(messages(rs, 1)[0] ?? new Map<number, Value[]>(), 1),
    spans: messages(rs, 2).flatMap((ss) =>
      messages(ss, 2).map(
        (s): OtlpSpan => ({
          traceId: hex(s.get(1)?.[0]),
          spanId: hex(s.get(2)?.[0]),
          parentSpanId: hex(s.get(4)?.[0]),
          name: text(s.get(5)?.[0]),
          kind: num(s.get(6)?.[0]),
          startUnixMs: Math.round(num(s.get(7)?.[0]) / 1e6),
          endUnixMs: Math.round(num(s.get(8)?.[0]) / 1e6),
          attributes: attributes(s, 9),
          events: messages(s, 11).map((e) => text(e.get(2)?.[0])),
          statusCode: num(messages(s, 15)[0]?.get(3)?.[0]),
        }),
      ),
    ),
  }));
}

/** A decoded OTLP log record. */
export interface OtlpLogRecord {
  readonly timeUnixMs: number;
  readonly severityNumber: number;
  readonly severityText: string;
  readonly body: unknown;
  readonly attributes: Record<string, unknown>;
  readonly traceId: string;
  readonly spanId: string;
}

/** Decodes an `ExportLogsServiceRequest`: resource attributes and log records. */
export function decodeLogsRequest(body: Uint8Array) {
  return messages(fields(body), 1).map((rl) => ({
    resource: attributes(messages(rl, 1)[0] ?? new Map<number, Value[]>(), 1),
    records: messages(rl, 2).flatMap((sl) =>
      messages(sl, 2).map(
        (r): OtlpLogRecord => ({
          timeUnixMs: Math.round(num(r.get(1)?.[0]) / 1e6),
          severityNumber: num(r.get(2)?.[0]),
          severityText: text(r.get(3)?.[0]),
          body: anyValue(messages(r, 5)[0] ?? new Map<number, Value[]>()),
          attributes: attributes(r, 6),
          traceId: hex(r.get(9)?.[0]),
          spanId: hex(r.get(10)?.[0]),
        }),
      ),
    ),
  }));
}
