// Hostile uploads against a real listening server: while deeply nested Markdown and TEI files and a huge
// shallow TEI file are posted to the write API, the home page keeps answering (polled every 50 ms,
// worst latency at most 500 ms), because files are parsed in the parse pool's worker threads; each
// upload gets a 4xx that names the file and says what was wrong with it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openArchive, type Archive } from '../../src/archive/open.js';
import { createParsePool } from '../../src/archive/parse-pool.js';
import { createToken } from '../../src/archive/tokens.js';
import { serve, type RunningServer } from '../../src/web/serve.js';

const TEI_HEAD =
  '<?xml version="1.0"?><TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Hostile</title>' +
  '</titleStmt></fileDesc></teiHeader><text><body>';
const TEI_TAIL = '</body></text></TEI>';

// The uploads run in a child process, so that this process's event loop does the server's work only.
const UPLOADER = `
const head = ${JSON.stringify(TEI_HEAD)};
const tail = ${JSON.stringify(TEI_TAIL)};
const files = [
  // 24 KB of nested emphasis delimiters, then 200 KB of opening brackets.
  ['deep.md', 'text/markdown', '# Deep\\n\\n' + '*'.repeat(12 * 1024) + 'x' + '*'.repeat(12 * 1024) + '\\n\\n' + '['.repeat(200 * 1024) + '\\n'],
  // 1,000,000 nested <div> (11 MB).
  ['deep.xml', 'application/tei+xml', head + '<div>'.repeat(1000000) + '<p>x</p>' + '</div>'.repeat(1000000) + tail],
  // 1,500,000 paragraphs side by side (12 MB): nothing nests, but building it takes long and much memory.
  ['wide.xml', 'application/tei+xml', head + '<div>' + '<p>x</p>'.repeat(1500000) + '</div>' + tail],
].map(([name, type, text]) => [name, type, Buffer.from(text)]);
process.stdout.write('ready\\n');
await new Promise((go) => process.stdin.once('data', go));
const results = await Promise.all(files.map(async ([name, type, body]) => {
  const r = await fetch(process.env.UPLOAD_URL, {
    method: 'POST',
    body,
    headers: { Authorization: 'Bearer ' + process.env.UPLOAD_TOKEN, 'Content-Type': type, 'X-Octavo-Filename': name },
  });
  return { name, status: r.status, body: await r.json() };
}));
process.stdout.write(JSON.stringify(results) + '\\n');
`;

interface Result {
  name: string;
  status: number;
  body: { error: string; message: string; file?: string };
}

const RAW_ENGINE = /RangeError|TypeError|Maximum call stack|heap out of memory|Invalid string length/;

describe('hostile uploads on a listening server', () => {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-hostile-'));
  const parser = createParsePool({ workers: 2, timeoutMs: 4000, memoryMb: 512 });
  let archive: Archive;
  let server: RunningServer;
  let editor: string;

  beforeAll(async () => {
    archive = await openArchive(join(dir, 'hostile.db'));
    editor = (await createToken(archive.store.tokens!, 'uploader', 'editor')).secret;
    server = await serve(archive, { port: 0, parser });
  });
  afterAll(async () => {
    await server?.close();
    await parser.close();
    await archive?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps answering GET / within 500 ms while each upload is refused with a located 4xx', { timeout: 180_000 }, async () => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', UPLOADER], {
      env: { ...process.env, UPLOAD_URL: `${server.url}/api/works`, UPLOAD_TOKEN: editor },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<void>((resolve) =>
      child.stdout.on('data', (d: string) => {
        out += d;
        if (out.startsWith('ready\n')) resolve();
      }),
    );
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await ready;
    let polling = true;
    const latencies: number[] = [];
    const poll = (async () => {
      while (polling) {
        const t = performance.now();
        const r = await fetch(`${server.url}/`);
        await r.text();
        expect(r.status).toBe(200);
        latencies.push(performance.now() - t);
        await new Promise((done) => setTimeout(done, 50));
      }
    })();
    await new Promise((done) => setTimeout(done, 200));
    const t0 = performance.now();
    child.stdin.end('go\n');
    await exited;
    const results = JSON.parse(out.slice('ready\n'.length)) as Result[];
    const took = performance.now() - t0;
    polling = false;
    await poll;

    for (const r of results) {
      expect([r.name, r.status >= 400 && r.status < 500]).toEqual([r.name, true]);
      expect(r.body.file).toBe(r.name);
      expect(r.body.message.startsWith(r.name)).toBe(true);
      expect(r.body.message).not.toMatch(RAW_ENGINE);
    }
    const [md, deep, wide] = results;
    // The nested files are refused at the place where nesting goes too deep (file:line).
    expect(md!.body.message).toMatch(/^deep\.md:\d+/);
    expect(deep!.body.message).toMatch(/^deep\.xml:\d+/);
    // The wide file is stopped by the pool: too slow or too large, said in words.
    expect(wide!.body.message).toMatch(/^wide\.xml: (took longer than 4 s to parse|needed more than 512 MB of memory to parse)/);
    expect(wide!.status).toBe(wide!.body.error === 'parse_memory' ? 413 : 422);

    const worst = Math.max(...latencies);
    console.log(
      `GET / during hostile uploads: ${latencies.length} polls over ${Math.round(took)} ms, worst ${Math.round(worst)} ms, ` +
        `median ${Math.round(latencies.sort((a, b) => a - b)[latencies.length >> 1]!)} ms`,
    );
    expect(latencies.length).toBeGreaterThan(5);
    expect(worst).toBeLessThanOrEqual(500);
    // The server goes on serving and parsing.
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });
});
