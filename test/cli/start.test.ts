// `npm start` as a new user meets it: an empty archive is filled from samples/ and served.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ID } from '../support/seed.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'octavo.js');

function startServer(db: string): Promise<{ url: string; log: () => string; stop: () => void }> {
  const child = spawn(process.execPath, [BIN, 'start', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no URL after 90 s:\n${log}`));
    }, 90_000);
    const onData = (d: Buffer) => {
      log += d.toString();
      const m = log.match(/serving .* at (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, log: () => log, stop: () => child.kill('SIGTERM') });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited ${code}:\n${log}`));
    });
  });
}

describe('octavo start', () => {
  it('imports the sample archive into an empty database, then serves it', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'octavo-start-')), 'octavo.db');
    const server = await startServer(db);
    try {
      expect(server.log()).toMatch(/Importing the sample archive/);
      expect(server.log()).toMatch(
        /\d+ files in .*: \d+ works \(\d+ new, 0 updated, 0 unchanged\); \d+ collection pages; \d+ non-documents skipped .*; 0 failed/,
      );
      expect(server.log()).not.toMatch(/FAILED/);
      const home = await fetch(server.url);
      expect(home.status).toBe(200);
      expect(await home.text()).toMatch(/Collections/);
      const page = await fetch(`${server.url}/works/${SEED_ID}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('Dear Comrade Shahumyan,');
    } finally {
      server.stop();
    }
    // Second start: the archive is there, nothing is imported again.
    const again = await startServer(db);
    try {
      expect(again.log()).not.toMatch(/Importing the sample archive/);
      expect((await fetch(`${again.url}/works/${SEED_ID}.txt`)).status).toBe(200);
    } finally {
      again.stop();
    }
  });
});
