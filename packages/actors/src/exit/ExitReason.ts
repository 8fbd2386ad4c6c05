/**
 * Why a supervised child ended, with OTP's meaning:
 *
 * - `'normal'`: it finished its work (a `transient` child is not restarted);
 * - `'shutdown'`: it was asked to stop and did (not restarted when `transient`);
 * - `'killed'`: it was ended by force (brutal kill, thread terminated): abnormal;
 * - an `Error`: it crashed: abnormal.
 */
export type ExitReason = 'normal' | 'shutdown' | 'killed' | Error;

/**
 * Whether `reason` is a normal end in OTP's sense (`normal` or `shutdown`): a
 * `transient` child that ends this way is not restarted.
 */
export function isNormalExit(reason: ExitReason): boolean {
  return reason === 'normal' || reason === 'shutdown';
}

/**
 * A short description of `reason` for events and logs, its class first:
 * `'killed'`, `'TypeError: …'`, or for an error with a string `code` (a
 * `SnakepitError`) that code — `'HEARTBEAT_TIMEOUT: …'` — so that metrics,
 * which keep the part before the first `:`, tell crashes from hangs.
 */
export function describeExit(reason: ExitReason): string {
  if (typeof reason === 'string') return reason;
  const code = (reason as Error & { code?: unknown }).code;
  return `${typeof code === 'string' && code !== '' ? code : reason.name}: ${reason.message}`;
}

/** Turns anything thrown into an `Error` exit reason. */
export function toExitError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  return new Error(typeof thrown === 'string' ? thrown : `Non-error thrown: ${String(thrown)}`, {
    cause: thrown,
  });
}
