import type { Attributes, BatchObservableResult, ObservableCounter } from '@opentelemetry/api';

interface Count {
  readonly attributes: Attributes;
  value: number;
}

/**
 * The running totals of one counter, by attribute set, reported through an
 * asynchronous (observable) counter at collection time. Adding here costs a
 * WeakMap look-up (the listeners reuse cached attribute sets); a synchronous
 * `Counter.add` costs the SDK's attribute hashing (sort + JSON) on every
 * call, 1–3 µs measured, more than an event's budget. Exporters see the same
 * monotonic cumulative sum.
 */
export class CounterTable {
  /** By attribute object: the listeners reuse cached sets, so the hot path builds no key. */
  readonly #byObject = new WeakMap<Attributes, Count>();
  /** By the key of the attributes as given (insertion order: no sort). */
  readonly #byKey = new Map<string, Count>();
  /** By the sorted key: one total per attribute set, whatever order it was built in. */
  readonly #totals = new Map<string, Count>();

  /** Adds 1 (or `value`) to the total of `attributes`. */
  add(attributes: Attributes, value = 1): void {
    let count = this.#byObject.get(attributes);
    if (!count) {
      count = this.#countOf(attributes);
      this.#byObject.set(attributes, count);
    }
    count.value += value;
  }

  #countOf(attributes: Attributes): Count {
    const key = attributesKey(attributes, Object.keys(attributes));
    let count = this.#byKey.get(key);
    if (!count) {
      const sortedKey = attributesKey(attributes, Object.keys(attributes).sort());
      count = this.#totals.get(sortedKey);
      if (!count) this.#totals.set(sortedKey, (count = { attributes, value: 0 }));
      this.#byKey.set(key, count);
    }
    return count;
  }

  /** Reports every total to `counter`. */
  observe(result: BatchObservableResult, counter: ObservableCounter): void {
    for (const { attributes, value } of this.#totals.values()) {
      result.observe(counter, value, attributes);
    }
  }
}

function attributesKey(attributes: Attributes, names: readonly string[]): string {
  let key = '';
  for (const name of names) key += `${name}\u0000${String(attributes[name])}\u0001`;
  return key;
}
