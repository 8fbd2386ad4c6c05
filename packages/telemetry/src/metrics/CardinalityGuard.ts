import { OTHER_ATTRIBUTE_VALUE } from './snakepitAttributes.js';

/**
 * Keeps one attribute's values on metrics to a bounded set: the first
 * `limit` distinct values pass, later new ones become `_other`. A metric
 * series per value costs memory in the SDK and in Prometheus for as long as
 * the process lives, so an id that turns out unbounded must not grow them.
 */
export class CardinalityGuard {
  readonly #seen = new Set<string>();
  readonly #limit: number;

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** `value` itself when known or when there is room, else `_other`. */
  admit(value: string): string {
    if (this.#seen.has(value)) return value;
    if (this.#seen.size >= this.#limit) return OTHER_ATTRIBUTE_VALUE;
    this.#seen.add(value);
    return value;
  }
}
