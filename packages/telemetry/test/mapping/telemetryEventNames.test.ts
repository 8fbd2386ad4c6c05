import type { SnakepitEventName } from '@snakepit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SNAKEPIT_METRICS, TELEMETRY_EVENT_NAMES } from '../../src/index.js';
import type { TelemetryEventName } from '../../src/index.js';

describe('the events telemetry maps', () => {
  it('covers every event that counts something or is a log record (not supervisor shutdowns, or the run’s once-only cgroup decision)', () => {
    type Unmapped = Exclude<SnakepitEventName, TelemetryEventName>;
    expectTypeOf<Unmapped>().toEqualTypeOf<
      'snakepit.supervisor.shutdown' | 'snakepit.run.cgroup'
    >();
  });

  it('lists every mapped event once, and each feeds at least one instrument', () => {
    expect(new Set(TELEMETRY_EVENT_NAMES).size).toBe(TELEMETRY_EVENT_NAMES.length);
    const fed = new Set(Object.values(SNAKEPIT_METRICS).map((def) => def.event));
    for (const name of TELEMETRY_EVENT_NAMES) expect(fed.has(name), name).toBe(true);
  });
});
