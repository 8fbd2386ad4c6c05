import type {} from '@snakepit/actors';
import type {} from '@snakepit/python-bridge';
import type { SnakepitEventMap } from '@snakepit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { SNAKEPIT_METRICS, TELEMETRY_EVENT_NAMES } from '../../src/index.js';
import type { TelemetryEventMap, TelemetryEventName } from '../../src/index.js';

type Declared = Extract<keyof SnakepitEventMap, TelemetryEventName>;
type Incompatible = {
  [N in Declared]: SnakepitEventMap[N] extends TelemetryEventMap[N] ? never : N;
}[Declared];

describe('the events telemetry maps', () => {
  it('are all declared, and telemetry reads only fields they have (core, actors, python-bridge; checked by tsc)', () => {
    expectTypeOf<Exclude<TelemetryEventName, Declared>>().toEqualTypeOf<never>();
    expectTypeOf<Incompatible>().toEqualTypeOf<never>();
  });

  it('covers every event that counts something (not the log lines, supervisor shutdowns, or the run’s once-only cgroup decision)', () => {
    type Unmapped = Exclude<keyof SnakepitEventMap, TelemetryEventName>;
    expectTypeOf<Unmapped>().toEqualTypeOf<
      'snakepit.worker.log' | 'snakepit.supervisor.shutdown' | 'snakepit.run.cgroup'
    >();
  });

  it('lists every mapped event once, and each feeds at least one instrument', () => {
    expect(new Set(TELEMETRY_EVENT_NAMES).size).toBe(TELEMETRY_EVENT_NAMES.length);
    const fed = new Set(Object.values(SNAKEPIT_METRICS).map((def) => def.event));
    for (const name of TELEMETRY_EVENT_NAMES) expect(fed.has(name), name).toBe(true);
  });
});
