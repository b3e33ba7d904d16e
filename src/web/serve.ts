// Serves the reading app over HTTP with @hono/node-server.
import { serve as nodeServe } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Archive } from '../archive/open.js';
import { createApp, type AppOptions } from './app.js';
import { hardenServer } from './limits.js';

export interface ServeOptions extends AppOptions {
  /** 0 picks a free port. */
  port?: number;
  hostname?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function serve(archive: Archive, o: ServeOptions = {}): Promise<RunningServer> {
  const { port = 8080, hostname = '127.0.0.1', ...appOptions } = o;
  const app = createApp(archive, {
    ...appOptions,
    baseUrl: appOptions.baseUrl ?? `http://${hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname}:${port}`,
  });
  return new Promise((resolve, reject) => {
    const server = nodeServe({ fetch: app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname.includes(':') ? `[${hostname}]` : hostname;
      resolve({
        url: `http://${host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((err) => (err ? fail(err) : done()));
            (server as Server).closeAllConnections?.();
          }),
      });
    });
    hardenServer(server as Server);
    server.once('error', reject);
  });
}
