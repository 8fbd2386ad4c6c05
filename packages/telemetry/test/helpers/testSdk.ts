import type { Attributes } from '@opentelemetry/api';
import { DataPointType, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import type { Histogram, MetricData } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** A pull reader: `collect()` on demand, as Prometheus does. */
class PullReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/** One data point, simplified: its attributes and a number (sums) or histogram. */
export interface Point {
  readonly attributes: Attributes;
  readonly value: number | Histogram;
}

/** A real SDK (MeterProvider + TracerProvider) with in-memory readers for tests. */
export interface TestSdk {
  readonly meterProvider: MeterProvider;
  readonly tracerProvider: BasicTracerProvider;
  readonly meter: ReturnType<MeterProvider['getMeter']>;
  readonly tracer: ReturnType<BasicTracerProvider['getTracer']>;
  /** Collects every metric, by instrument name. */
  collect(): Promise<Map<string, MetricData>>;
  spans(): ReadableSpan[];
  shutdown(): Promise<void>;
}

export function createTestSdk(): TestSdk {
  const reader = new PullReader();
  const meterProvider = new MeterProvider({ readers: [reader] });
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  return {
    meterProvider,
    tracerProvider,
    meter: meterProvider.getMeter('test'),
    tracer: tracerProvider.getTracer('test'),
    async collect() {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length > 0) throw new AggregateError(errors);
      const byName = new Map<string, MetricData>();
      for (const scope of resourceMetrics.scopeMetrics) {
        for (const metric of scope.metrics) byName.set(metric.descriptor.name, metric);
      }
      return byName;
    },
    spans: () => exporter.getFinishedSpans(),
    async shutdown() {
      await Promise.all([meterProvider.shutdown(), tracerProvider.shutdown()]);
    },
  };
}

/** The data points of `metric`, sorted by their attributes for stable comparisons. */
export function pointsOf(metric: MetricData | undefined): Point[] {
  if (!metric) return [];
  const points = (metric.dataPoints as { attributes: Attributes; value: unknown }[]).map((p) => ({
    attributes: p.attributes,
    value: p.value as number | Histogram,
  }));
  return points.sort((a, b) =>
    JSON.stringify(sortKeys(a.attributes)).localeCompare(JSON.stringify(sortKeys(b.attributes))),
  );
}

/** `{ attributes, value }` of a sum or gauge metric. */
export function sumsOf(
  metric: MetricData | undefined,
): { attributes: Attributes; value: number }[] {
  if (metric && metric.dataPointType === DataPointType.HISTOGRAM) {
    throw new Error(`${metric.descriptor.name} is a histogram`);
  }
  return pointsOf(metric).map((p) => ({ attributes: p.attributes, value: p.value as number }));
}

/** `{ attributes, count, sum }` of a histogram metric (sum rounded to 6 digits). */
export function histogramsOf(
  metric: MetricData | undefined,
): { attributes: Attributes; count: number; sum: number }[] {
  return pointsOf(metric).map((p) => {
    const h = p.value as Histogram;
    return { attributes: p.attributes, count: h.count, sum: Math.round((h.sum ?? 0) * 1e6) / 1e6 };
  });
}

function sortKeys(attributes: Attributes): Attributes {
  return Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));
}

/** The points of a sum whose value is not 0 (drops the series seeded at 0 when workers start). */
export function nonZero<P extends { value: number }>(points: readonly P[]): P[] {
  return points.filter((p) => p.value !== 0);
}
