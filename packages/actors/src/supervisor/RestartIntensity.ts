/**
 * OTP's restart intensity: at most `maxRestarts` restarts within any
 * `periodMs`. A restart at time `t` still counts at `now` while
 * `t >= now - periodMs` (supervisor.erl keeps restarts `>= Now - Period`).
 */
export class RestartIntensity {
  readonly maxRestarts: number;
  readonly periodMs: number;
  #restartsMs: number[] = [];

  constructor(maxRestarts: number, periodMs: number) {
    this.maxRestarts = maxRestarts;
    this.periodMs = periodMs;
  }

  /** Records a restart at `nowMs`; `false` when that exceeds the intensity. */
  add(nowMs: number): boolean {
    this.#restartsMs = this.#restartsMs.filter((t) => t >= nowMs - this.periodMs);
    this.#restartsMs.push(nowMs);
    return this.#restartsMs.length <= this.maxRestarts;
  }

  /** Restarts that count at `nowMs`. */
  countAt(nowMs: number): number {
    return this.#restartsMs.filter((t) => t >= nowMs - this.periodMs).length;
  }
}
