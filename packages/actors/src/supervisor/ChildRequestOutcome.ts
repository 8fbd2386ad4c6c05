/**
 * What a request about one child did, as OTP's `ok | {error, Reason}`:
 * `{ ok: true }` when it was done, else why nothing was done.
 */
export type ChildRequestOutcome<Reason extends string> =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: Reason };

/** What `terminateChild` did: `not_found` when no child has that id. */
export type TerminateChildOutcome = ChildRequestOutcome<'not_found'>;

/**
 * What `restartChild` did: `not_found` (no such child), `running` (it
 * already runs) or `restarting` (it waits for a delayed restart or for the
 * retry of a failed start, which will happen and count toward intensity).
 */
export type RestartChildOutcome = ChildRequestOutcome<'not_found' | 'running' | 'restarting'>;
