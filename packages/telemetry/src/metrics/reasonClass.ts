const MAX_REASON_LENGTH = 48;

/**
 * A bounded label for a free-text reason: the part before the first `:`
 * (so `'PythonError: division by zero'` becomes `PythonError`), with runs of
 * other characters than letters, digits, `_`, `.` and `-` turned into `_`
 * (`'heartbeat timeout'` → `heartbeat_timeout`), at most 48 characters.
 * The full text goes on spans, never on metrics.
 */
export function reasonClass(reason: string): string {
  const colon = reason.indexOf(':');
  const head = colon === -1 ? reason : reason.slice(0, colon);
  const cleaned = head
    .trim()
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .slice(0, MAX_REASON_LENGTH);
  return cleaned === '' ? 'unknown' : cleaned;
}
