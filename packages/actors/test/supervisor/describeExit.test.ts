import { describe, expect, it } from 'vitest';
import { describeExit } from '../../src/exit/ExitReason.js';

describe('describeExit', () => {
  it('puts the class first: the reason itself, an error code, else the error name', () => {
    expect(describeExit('killed')).toBe('killed');
    expect(describeExit(new TypeError('bad'))).toBe('TypeError: bad');
    const coded = Object.assign(new Error('no Pong for 3 pings'), { code: 'HEARTBEAT_TIMEOUT' });
    expect(describeExit(coded)).toBe('HEARTBEAT_TIMEOUT: no Pong for 3 pings');
    const numeric = Object.assign(new Error('x'), { code: 42 });
    expect(describeExit(numeric)).toBe('Error: x');
  });
});
