import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { RateLimiter, sizeLimit, timeLimit } from './limits.js';

describe('limits', () => {
  it('a token bucket allows a burst, then one request per refill interval', () => {
    let now = 0;
    const r = new RateLimiter(60, 3, () => now); // one a second, bursts of three
    expect([r.take('a'), r.take('a'), r.take('a')]).toEqual([0, 0, 0]);
    expect(r.take('a')).toBe(1);
    expect(r.take('b')).toBe(0);
    now += 1000;
    expect(r.blocked('a')).toBe(0);
    expect(r.take('a')).toBe(0);
    expect(r.take('a')).toBeGreaterThan(0);
  });

  it('answers 413 for a body over the limit and 503 for a request over the time limit', async () => {
    const app = new Hono();
    app.post('/small', sizeLimit(10), (c) => c.text('ok'));
    app.get('/slow', timeLimit(50), async (c) => {
      await new Promise((r) => setTimeout(r, 300));
      return c.text('late');
    });
    expect((await app.request('/small', { method: 'POST', body: '12345' })).status).toBe(200);
    expect((await app.request('/small', { method: 'POST', body: '12345678901' })).status).toBe(413);
    const slow = await app.request('/slow');
    expect(slow.status).toBe(503);
    expect(slow.headers.get('Retry-After')).toBe('5');
  });
});
