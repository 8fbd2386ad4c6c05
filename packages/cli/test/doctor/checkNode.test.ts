import { describe, expect, it } from 'vitest';
import { checkNode } from '../../src/doctor/doctorChecks.js';

const ON = (date: string): Date => new Date(`${date}T12:00:00Z`);

describe('checkNode', () => {
  it('fails below 20.19 and names the line to install', () => {
    const result = checkNode('20.18.3', ON('2026-01-01'));
    expect(result.status).toBe('fail');
    expect(result.detail).toBe('20.18.3 is older than 20.19');
    expect(result.fix).toContain('Node.js 24 LTS');
    expect(checkNode('18.20.0', ON('2024-01-01')).status).toBe('fail');
  });

  it('warns once a line is past its end of life, and says snakepit still runs on it', () => {
    const result = checkNode('20.20.2', ON('2026-12-06'));
    expect(result.status).toBe('warn');
    expect(result.detail).toContain('Node 20 reached its end of life on 2026-04-30');
    expect(result.detail).toContain('snakepit still runs on it');
    expect(result.fix).toContain('Node 24');
  });

  it('is ok on a maintained line, up to and including its last day', () => {
    expect(checkNode('20.20.2', ON('2026-04-30')).status).toBe('ok');
    const result = checkNode('24.22.3', ON('2026-12-06'));
    expect(result).toMatchObject({ status: 'ok' });
    expect(result.detail).toContain('supported until 2028-04-30');
    expect(checkNode('22.23.5', ON('2026-12-06')).status).toBe('ok');
  });

  it('does not warn about a line newer than its table', () => {
    const result = checkNode('28.1.0', ON('2031-01-01'));
    expect(result.status).toBe('ok');
    expect(result.detail).toContain('no end-of-life date known');
  });
});
