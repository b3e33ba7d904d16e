// `octavo serve`: the reading app over an archive until interrupted.
import { serve } from '../web/serve.js';
import { openStore } from './db.js';

export async function runServe(location: string, o: { port?: string; host?: string }): Promise<void> {
  const store = await openStore(location);
  const port = Number(o.port ?? process.env.PORT ?? 8080);
  const server = await serve(store, { port, hostname: o.host ?? '127.0.0.1' });
  process.stderr.write(`Octavo is serving ${location} at ${server.url}\n`);
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
