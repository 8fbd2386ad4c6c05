import type { EventBus } from '@snakepit/core';
import {
  checkBoolean,
  checkInteger,
  checkKnownKeys,
  checkObject,
  checkString,
  invalidOption,
} from '../options/invalidOption.js';
import {
  DEFAULT_OTLP_OPTIONS,
  DEFAULT_PROMETHEUS_OPTIONS,
  DEFAULT_SETUP_TELEMETRY_OPTIONS,
} from './SetupTelemetryOptions.js';
import { createWarnOncePerCause } from './reportExportErrors.js';
import type {
  OtlpOptions,
  OtlpProtocol,
  PrometheusOptions,
  SetupTelemetryOptions,
} from './SetupTelemetryOptions.js';

/** {@link OtlpOptions} after validation and defaults. */
export type ResolvedOtlpOptions = Required<Omit<OtlpOptions, 'endpoint'>> & {
  readonly endpoint: string | undefined;
};

/** The warning code for an `otlp.endpoint` given with its signal path. */
export const ENDPOINT_PATH_WARNING = 'SNAKEPIT_OTLP_ENDPOINT_PATH';

/** {@link SetupTelemetryOptions} after validation and defaults. */
export type ResolvedSetupTelemetryOptions = Required<
  Omit<
    SetupTelemetryOptions,
    'serviceVersion' | 'runId' | 'bus' | 'propagator' | 'contextManager' | 'otlp' | 'prometheus'
  >
> &
  Pick<
    SetupTelemetryOptions,
    'serviceVersion' | 'runId' | 'bus' | 'propagator' | 'contextManager'
  > & {
    readonly otlp: ResolvedOtlpOptions | false;
    readonly prometheus: Required<PrometheusOptions> | false;
  };

const KEYS = [
  'serviceName',
  'serviceVersion',
  'runId',
  'resourceAttributes',
  'otlp',
  'prometheus',
  'registerGlobal',
  'bus',
  'telemetry',
  'metricReaders',
  'spanProcessors',
  'logRecordProcessors',
  'propagator',
  'contextManager',
];
const PROTOCOLS: readonly OtlpProtocol[] = ['http/protobuf', 'grpc'];

/**
 * Validates `options` of `setupTelemetry` and fills in the defaults.
 *
 * @throws {SnakepitError} `INVALID_OPTIONS` naming the option, the value and what was expected.
 */
export function resolveSetupTelemetryOptions(
  options: SetupTelemetryOptions,
): ResolvedSetupTelemetryOptions {
  const given = checkObject('(options)', options);
  checkKnownKeys('', given, KEYS);
  const d = DEFAULT_SETUP_TELEMETRY_OPTIONS;
  const optional = <T>(name: string, check: (n: string, v: unknown) => T) =>
    given[name] === undefined ? {} : { [name]: check(name, given[name]) };
  return {
    serviceName:
      options.serviceName === undefined
        ? d.serviceName
        : checkString('serviceName', options.serviceName),
    ...optional('serviceVersion', checkString),
    ...optional('runId', checkString),
    resourceAttributes:
      options.resourceAttributes === undefined
        ? d.resourceAttributes
        : checkObject('resourceAttributes', options.resourceAttributes),
    otlp: options.otlp === undefined || options.otlp === false ? false : resolveOtlp(options.otlp),
    prometheus:
      options.prometheus === undefined || options.prometheus === false
        ? false
        : resolvePrometheus(options.prometheus),
    registerGlobal:
      options.registerGlobal === undefined
        ? d.registerGlobal
        : checkBoolean('registerGlobal', options.registerGlobal),
    ...optional('bus', checkBus),
    telemetry:
      options.telemetry === undefined ? d.telemetry : checkObject('telemetry', options.telemetry),
    metricReaders: options.metricReaders ?? d.metricReaders,
    spanProcessors: options.spanProcessors ?? d.spanProcessors,
    logRecordProcessors: options.logRecordProcessors ?? d.logRecordProcessors,
    ...(options.propagator === undefined ? {} : { propagator: options.propagator }),
    ...(options.contextManager === undefined ? {} : { contextManager: options.contextManager }),
  };
}

function resolveOtlp(otlp: OtlpOptions): ResolvedOtlpOptions {
  const given = checkObject('otlp', otlp);
  checkKnownKeys('otlp', given, [
    'protocol',
    'endpoint',
    'headers',
    'exportIntervalMs',
    'exportTimeoutMs',
    'metrics',
    'traces',
    'logs',
    'onExportError',
  ]);
  const d = DEFAULT_OTLP_OPTIONS;
  const protocol = otlp.protocol ?? d.protocol;
  if (otlp.protocol !== undefined && !PROTOCOLS.includes(otlp.protocol)) {
    throw invalidOption('otlp.protocol', otlp.protocol, "one of 'http/protobuf', 'grpc'");
  }
  const exportIntervalMs =
    otlp.exportIntervalMs === undefined
      ? d.exportIntervalMs
      : checkInteger('otlp.exportIntervalMs', otlp.exportIntervalMs, 100, 3_600_000);
  const exportTimeoutMs =
    otlp.exportTimeoutMs === undefined
      ? Math.min(d.exportTimeoutMs, exportIntervalMs)
      : checkInteger('otlp.exportTimeoutMs', otlp.exportTimeoutMs, 50, exportIntervalMs);
  return {
    protocol,
    endpoint:
      otlp.endpoint === undefined
        ? undefined
        : withoutSignalPath(protocol, checkUrl('otlp.endpoint', otlp.endpoint)),
    headers: otlp.headers === undefined ? d.headers : checkHeaders(otlp.headers),
    exportIntervalMs,
    exportTimeoutMs,
    metrics: otlp.metrics === undefined ? d.metrics : checkBoolean('otlp.metrics', otlp.metrics),
    traces: otlp.traces === undefined ? d.traces : checkBoolean('otlp.traces', otlp.traces),
    logs: otlp.logs === undefined ? d.logs : checkBoolean('otlp.logs', otlp.logs),
    onExportError:
      otlp.onExportError === undefined
        ? createWarnOncePerCause()
        : checkFunction('otlp.onExportError', otlp.onExportError),
  };
}

// `otlp.endpoint` is the collector's base URL, like OTEL_EXPORTER_OTLP_ENDPOINT:
// the HTTP exporters append `/v1/<signal>`. One given with its signal path
// would post to `/v1/metrics/v1/metrics` and get 404s: take the path off and say so.
function withoutSignalPath(protocol: OtlpProtocol, endpoint: string): string {
  const match = protocol === 'http/protobuf' ? /\/v1\/(metrics|traces|logs)$/.exec(endpoint) : null;
  if (!match) return endpoint;
  const base = endpoint.slice(0, match.index);
  process.emitWarning(
    `\`otlp.endpoint\` ${endpoint} ends with the signal path /v1/${match[1]}; it is the collector's base URL ` +
      `(the signal paths are appended), so ${base} is used. Give ${base} to silence this warning.`,
    { code: ENDPOINT_PATH_WARNING },
  );
  return base;
}

function checkFunction<T>(name: string, value: T): T {
  if (typeof value !== 'function') throw invalidOption(name, value, 'a function');
  return value;
}

function resolvePrometheus(prometheus: PrometheusOptions): Required<PrometheusOptions> {
  const given = checkObject('prometheus', prometheus);
  checkKnownKeys('prometheus', given, ['host', 'port', 'endpoint', 'serve']);
  const d = DEFAULT_PROMETHEUS_OPTIONS;
  const endpoint = prometheus.endpoint ?? d.endpoint;
  if (typeof endpoint !== 'string' || !endpoint.startsWith('/')) {
    throw invalidOption('prometheus.endpoint', endpoint, 'a path starting with `/`');
  }
  return {
    host: prometheus.host === undefined ? d.host : checkString('prometheus.host', prometheus.host),
    // The exporter treats 0 as "use the default", so a random port is not offered.
    port:
      prometheus.port === undefined
        ? d.port
        : checkInteger('prometheus.port', prometheus.port, 1, 65_535),
    endpoint,
    serve:
      prometheus.serve === undefined ? d.serve : checkBoolean('prometheus.serve', prometheus.serve),
  };
}

function checkUrl(name: string, value: unknown): string {
  if (
    typeof value !== 'string' ||
    !URL.canParse(value) ||
    !/^https?:$/.test(new URL(value).protocol)
  ) {
    throw invalidOption(name, value, 'an http:// or https:// URL');
  }
  return value.replace(/\/+$/, '');
}

function checkHeaders(value: unknown): Readonly<Record<string, string>> {
  const headers = checkObject('otlp.headers', value);
  for (const [key, header] of Object.entries(headers)) {
    if (typeof header !== 'string') throw invalidOption(`otlp.headers.${key}`, header, 'a string');
  }
  return headers as Record<string, string>;
}

function checkBus(name: string, value: unknown): EventBus {
  if (typeof (value as Partial<EventBus> | null)?.on !== 'function') {
    throw invalidOption(name, value, 'an EventBus');
  }
  return value as EventBus;
}
