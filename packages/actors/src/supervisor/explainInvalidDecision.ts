const ACTIONS: readonly unknown[] = ['ignore', 'restart', 'escalate'];
const MAX_SHOWN_CHARS = 200;

/**
 * Why a strategy's `decide` result is not a valid `RestartDecision`
 * for these children, or `undefined` when it is one. The text names the bad
 * value, for the `escalated` event.
 */
export function explainInvalidDecision(
  value: unknown,
  isKnownChild: (id: string) => boolean,
): string | undefined {
  if (isThenable(value)) {
    // An async decide may reject later: nobody awaits it, so it must not become an unhandled rejection.
    value.then(undefined, () => undefined);
    return 'a Promise (decide must be synchronous: an async decide returns one)';
  }
  if (typeof value !== 'object' || value === null) {
    return `${show(value)} (expected an object with action 'ignore', 'restart' or 'escalate')`;
  }
  const decision = value as Record<string, unknown>;
  const { action } = decision;
  if (!ACTIONS.includes(action)) return `${show(value)} (unknown action ${show(action)})`;
  if (action === 'escalate' && typeof decision['reason'] !== 'string') {
    return `${show(value)} (escalate needs a reason string)`;
  }
  if (action !== 'restart') return undefined;
  const { childIds, delayMs } = decision;
  if (!Array.isArray(childIds) || !childIds.every((id) => typeof id === 'string')) {
    return `${show(value)} (childIds must be an array of child ids)`;
  }
  const unknown = childIds.find((id) => !isKnownChild(id));
  if (unknown !== undefined) return `${show(value)} (unknown child id ${show(unknown)})`;
  if (delayMs !== undefined && (typeof delayMs !== 'number' || !Number.isFinite(delayMs))) {
    return `${show(value)} (delayMs must be a finite number of ms)`;
  }
  return undefined;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}
