/** The actor events (emitted by `@snakepit/actors`' thread host). */
export interface ActorEventMap {
  /** A supervisor's last resort: an actor's thread was terminated (a child process of it may remain a zombie). */
  'snakepit.actor.thread.terminated': {
    readonly actorId: string;
    readonly threadId: number;
    readonly reason: string;
    /** Wall-clock Unix milliseconds. */
    readonly timestampMs: number;
  };
}
