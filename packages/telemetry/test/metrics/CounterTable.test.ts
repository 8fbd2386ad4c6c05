import type { BatchObservableResult, ObservableCounter } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { CounterTable } from '../../src/metrics/CounterTable.js';

describe('CounterTable', () => {
  it('keeps one total per attribute set, whatever order the set was built in', () => {
    const table = new CounterTable();
    table.add({ a: '1', b: '2' });
    table.add({ b: '2', a: '1' }, 2);
    table.add({ a: '1', b: '3' });
    table.add({ a: '1', b: '2' });
    const observed: [unknown, number][] = [];
    const result: BatchObservableResult = {
      observe: (_, value, attributes) => void observed.push([attributes, value]),
    };
    table.observe(result, {} as ObservableCounter);
    expect(observed).toEqual([
      [{ a: '1', b: '2' }, 4],
      [{ a: '1', b: '3' }, 1],
    ]);
  });
});
