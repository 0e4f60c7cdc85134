import { describe, expect, it } from 'vitest';
import { describeError } from '../../src/logger.ts';
import { captureLog } from '../support/log-capture.ts';

describe('logger', () => {
  const failure = () => new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }) });

  it('logs an error as its type, message and causes, with the stack only at debug level', () => {
    const info = captureLog('info');
    info.log.error({ err: failure() }, 'send failed');
    expect(info.lines[0]).toEqual({ level: 'error', time: expect.any(String), msg: 'send failed',
      err: { type: 'TypeError', message: 'fetch failed', causes: ['connect ECONNREFUSED 127.0.0.1:9'] } });

    const debug = captureLog('debug');
    debug.log.error({ err: failure() }, 'send failed');
    expect(debug.lines[0]!.err.stack).toMatch(/^TypeError: fetch failed\n\s+at /);
  });

  it('describes thrown values that are not errors', () => {
    expect(describeError('plain', true)).toEqual({ type: 'string', message: 'plain' });
  });
});
