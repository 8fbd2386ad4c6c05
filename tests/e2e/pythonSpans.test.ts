// Issue 19, item 5: with a recording OpenTelemetry tracer provider in the
// worker's Python, Python records `snakepit.python.handler` as a child of the
// traceparent the pool sent, a user's span in the handler is its child, and the
// pool tells its tracer so that no second handler span is recorded
// (createExecuteTracing's side is unit-tested in the telemetry package).
// The worker runs tests/fixtures/otel_handler_adapter.py. The project's .venv
// must have the OpenTelemetry API (./dev installs requirements-test.txt): there
// this test fails without it; on another Python without it (Debian's, CI's
// second pass) it checks that the pool's tracer still records the span.
import { fileURLToPath } from 'node:url';
import { PythonError } from '@snakepit/core';
import type { ExecuteOutcome, ExecuteTracer, PythonSpanRecord } from '@snakepit/core';
import { describe, expect, it } from 'vitest';
import { usePoolCleanUp } from '../support/pools.js';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const CALLER_SPAN_ID = 'b7ad6b7169203331';

interface Ended {
  readonly command: string;
  readonly outcome: ExecuteOutcome;
  readonly facts: { handlerTimeUs?: number; isHandlerSpanRecorded?: boolean };
}

interface PythonSpan {
  readonly name: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId: string | null;
  readonly kind: string;
  readonly attributes: Record<string, unknown>;
  readonly isError: boolean;
}

/** A tracer that sends one fixed traceparent and keeps what each call ended with. */
function recordingTracer(ended: Ended[]): ExecuteTracer {
  return {
    start: ({ command }) => ({
      traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`,
      end: (outcome, facts) => ended.push({ command, outcome, facts }),
    }),
  };
}

describe('Python spans join the call trace', () => {
  const { startPool } = usePoolCleanUp('pyspans');

  it('records the handler span in Python, with the user span as its child, and tells the tracer', async () => {
    const ended: Ended[] = [];
    const pool = await startPool({
      size: 1,
      adapter: 'otel_handler_adapter',
      pythonPath: [FIXTURES],
      tracer: recordingTracer(ended),
    });
    const info = await pool.execute<{
      hasOtel: boolean;
      isProjectVenv: boolean;
      executable: string;
    }>('python_info');
    if (!info.hasOtel) {
      expect(
        info.isProjectVenv,
        `${info.executable} lacks the OpenTelemetry API: .venv/bin/python -m pip install -r packages/python-bridge/python/requirements-test.txt (./dev test does)`,
      ).toBe(false);
      await expect(pool.execute('user_span')).rejects.toThrow(); // no `trace` in the adapter
      expect(ended.every((e) => e.facts.isHandlerSpanRecorded !== true)).toBe(true);
      return;
    }
    await expect(pool.execute('user_span')).resolves.toBe('done');
    const error = await pool.execute('fail').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PythonError);
    expect((error as PythonError).details.isHandlerSpanRecorded).toBe(true);
    const spans = await pool.execute<PythonSpan[]>('recorded_spans');

    const byCommand = Object.fromEntries(ended.map((e) => [e.command, e]));
    expect(byCommand.user_span).toMatchObject({
      outcome: 'ok',
      facts: { isHandlerSpanRecorded: true },
    });
    expect(byCommand.fail?.facts.isHandlerSpanRecorded).toBe(true);

    const handlers = spans.filter((s) => s.name === 'snakepit.python.handler');
    const [userHandler, failHandler] = handlers.filter((s) =>
      ['user_span', 'fail'].includes(String(s.attributes['snakepit.command'])),
    );
    expect(userHandler).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: CALLER_SPAN_ID,
      kind: 'SERVER',
      isError: false,
    });
    expect(userHandler?.attributes['snakepit.worker.id']).toBe(pool.stats().workers[0]?.id);
    const user = spans.find((s) => s.name === 'user.work');
    expect(user).toMatchObject({ traceId: TRACE_ID, parentSpanId: userHandler?.spanId });
    expect(failHandler).toMatchObject({ isError: true, parentSpanId: CALLER_SPAN_ID });
    expect(failHandler?.attributes['snakepit.python.exception.type']).toBe('builtins.ValueError');
  });

  it('forwards the spans of a Python with the API alone to the tracer that asked for them', async () => {
    const ended: (Ended & { pythonSpans: readonly PythonSpanRecord[] })[] = [];
    const tracer: ExecuteTracer = {
      start: ({ command }) => ({
        traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`,
        forwardPythonSpans: true,
        end: (outcome, facts) =>
          ended.push({ command, outcome, facts, pythonSpans: facts.pythonSpans ?? [] }),
      }),
    };
    const pool = await startPool({
      size: 1,
      adapter: 'otel_api_adapter',
      pythonPath: [FIXTURES],
      tracer,
    });
    const info = await pool.execute<{
      hasOtel: boolean;
      isProjectVenv: boolean;
      executable: string;
    }>('python_info');
    await expect(pool.execute('user_span')).resolves.toBe('done');
    await expect(pool.execute('fail_in_span')).rejects.toBeInstanceOf(PythonError);
    const byCommand = Object.fromEntries(ended.map((e) => [e.command, e]));
    if (!info.hasOtel) {
      expect(
        info.isProjectVenv,
        `${info.executable} lacks the OpenTelemetry API: .venv/bin/python -m pip install -r packages/python-bridge/python/requirements-test.txt (./dev test does)`,
      ).toBe(false);
      // Nothing to forward with: the owner records the handler span, as without forwarding.
      expect(ended.every((e) => e.pythonSpans.length === 0 && !e.facts.isHandlerSpanRecorded)).toBe(
        true,
      );
      return;
    }
    const spans = byCommand.user_span!.pythonSpans;
    expect(byCommand.user_span!.facts.isHandlerSpanRecorded).toBe(true);
    const handler = spans.find((s) => s.name === 'snakepit.python.handler')!;
    const user = spans.find((s) => s.name === 'user.work')!;
    expect(handler).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: CALLER_SPAN_ID,
      kind: 1,
      attributes: {
        'snakepit.command': 'user_span',
        'snakepit.worker.id': pool.stats().workers[0]?.id,
      },
      scope: { name: 'snakepit_worker' },
    });
    expect(user).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: handler.spanId,
      kind: 0,
      attributes: { 'model.layers': 3 },
      events: [{ name: 'loaded', attributes: { bytes: 12 } }],
      scope: { name: 'user-code', version: '2.0' },
    });
    expect(user.startTimeUs).toBeGreaterThanOrEqual(handler.startTimeUs);
    expect(user.endTimeUs).toBeLessThanOrEqual(handler.endTimeUs);
    expect(handler.endTimeUs / 1000).toBeLessThanOrEqual(Date.now());

    // A failed call forwards its spans too, with the error on them.
    const failed = byCommand.fail_in_span!.pythonSpans;
    const failing = failed.find((s) => s.name === 'user.fails')!;
    const failedHandler = failed.find((s) => s.name === 'snakepit.python.handler')!;
    expect(failing.status.code).toBe(2);
    expect(failing.events.map((e) => e.name)).toContain('exception');
    expect(failedHandler.status.code).toBe(2);
    expect(failedHandler.attributes['snakepit.python.exception.type']).toBe('builtins.ValueError');
    // Nothing of them leaks into the error the caller sees.
    const error = await pool.execute('fail_in_span').catch((e: unknown) => e);
    expect(JSON.stringify((error as PythonError).details)).not.toContain('user.fails');
  });
});
