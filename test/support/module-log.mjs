// `node --import ./module-log.mjs …` prints "LOADED <url>" on stderr for every module the program
// imports: the startup tests read which layers a command loads.
import { register } from 'node:module';

register(
  `data:text/javascript,${encodeURIComponent(
    "export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write('LOADED ' + r.url + '\\n'); return r; }",
  )}`,
);
