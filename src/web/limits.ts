// Limits on what one client may ask of the server: request body size, time per request, and the
// rate of writes (per token) and of failed authentications (per address). Limits are per process:
// several web processes behind one PostgreSQL each keep their own counters.
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { timeout } from 'hono/timeout';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Server } from 'node:http';

export interface Limits {
  /** Largest request body accepted, in bytes (default 20 MB, the importers' own ceiling). */
  maxBodyBytes: number;
  /** Longest a request may take before the client gets 503 (default 30 s). */
  requestTimeoutMs: number;
  /** Writes per minute per token, with bursts up to `writeBurst` (defaults 120 and 60). */
  writesPerMinute: number;
  writeBurst: number;
  /** Failed authentications per minute per address before 429 (default 30, burst 30). */
  authFailuresPerMinute: number;
}

export const defaultLimits: Limits = {
  maxBodyBytes: 20 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  writesPerMinute: 120,
  writeBurst: 60,
  authFailuresPerMinute: 30,
};

export const sizeLimit = (maxBytes: number): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json({ error: 'too_large', message: `request bodies are limited to ${maxBytes} bytes` }, 413),
  });

export const timeLimit = (ms: number): MiddlewareHandler =>
  timeout(
    ms,
    () =>
      new HTTPException(503, {
        message: `the request took longer than ${ms} ms`,
        res: new Response(JSON.stringify({ error: 'timeout' }), {
          status: 503,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '5' },
        }),
      }),
  );

/** Token buckets: `perMinute` refill, `burst` capacity, keyed by whatever the caller chooses. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  constructor(
    readonly perMinute: number,
    readonly burst: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Take one unit; returns 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    const now = this.clock();
    const rate = this.perMinute / 60_000;
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + (now - b.at) * rate);
    b.at = now;
    if (this.buckets.size > 10_000) this.sweep(now);
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / rate / 1000));
  }

  /** Would `take` refuse? (without taking) */
  blocked(key: string): number {
    const b = this.buckets.get(key);
    if (!b) return 0;
    const tokens = Math.min(this.burst, b.tokens + (this.clock() - b.at) * (this.perMinute / 60_000));
    return tokens >= 1 ? 0 : Math.max(1, Math.ceil((1 - tokens) / (this.perMinute / 60_000) / 1000));
  }

  private sweep(now: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (now - b.at) * (this.perMinute / 60_000) >= this.burst) this.buckets.delete(k);
  }
}

export const tooMany = (c: Context, seconds: number) => {
  c.header('Retry-After', String(seconds));
  return c.json({ error: 'rate_limited', message: `too many requests; retry in ${seconds} s` }, 429);
};

/** The client's address (the socket's peer; no proxy header is trusted), or "unknown" in tests. */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Server-level timeouts against slow clients (slowloris): headers in 10 s, a whole request in 60 s. */
export function hardenServer(server: Pick<Server, 'headersTimeout' | 'requestTimeout' | 'keepAliveTimeout'>): void {
  server.headersTimeout = 10_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = 5_000;
}
