// Limits on what one client may ask of the server: request body size, time per request, and the
// rate of writes (per token) and of failed authentications (per address). Limits are per process:
// several web processes behind one PostgreSQL each keep their own counters. The address is the
// socket's peer, or — when OCTAVO_TRUST_PROXY says proxies stand in front — the one they forwarded.
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
  /** Failed authentications per minute per address before 429 (default 30, burst 30); valid tokens are never refused for them. */
  authFailuresPerMinute: number;
  /**
   * Proxies in front of the server whose X-Forwarded-For is believed (OCTAVO_TRUST_PROXY: `1`/`true`
   * the nearest, a number that many hops; default 0, none: the socket's peer is the client).
   */
  trustProxy: number;
}

export const defaultLimits: Limits = {
  maxBodyBytes: 20 * 1024 * 1024,
  requestTimeoutMs: 30_000,
  writesPerMinute: 120,
  writeBurst: 60,
  authFailuresPerMinute: 30,
  trustProxy: 0,
};

/** OCTAVO_TRUST_PROXY read as a number of hops: `1`, `true`, `yes`, `on` → 1; `N` → N; else 0. */
export function proxyHops(value: string | undefined): number {
  const v = (value ?? '').trim().toLowerCase();
  if (['true', 'yes', 'on'].includes(v)) return 1;
  const n = Number(v);
  return /^[0-9]+$/.test(v) && Number.isSafeInteger(n) ? n : 0;
}

/** The limits in force: the defaults, OCTAVO_TRUST_PROXY from the environment, then what is given. */
export const limitsWith = (given: Partial<Limits> = {}): Limits => ({
  ...defaultLimits,
  trustProxy: proxyHops(process.env.OCTAVO_TRUST_PROXY),
  ...given,
});

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

/**
 * The client's address: the socket's peer ("unknown" without one, as under app.request()), or with
 * `trustProxy` hops, the address in X-Forwarded-For that the farthest trusted proxy saw (each proxy
 * appends the peer it saw, so the nearest one's entry is last). Entries before that are whatever the
 * client wrote and are never believed.
 */
export function clientAddress(c: Context, trustProxy = 0): string {
  if (trustProxy > 0) {
    const hops = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean);
    const seen = hops[Math.max(0, hops.length - trustProxy)];
    if (seen) return seen.slice(0, 100);
  }
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
