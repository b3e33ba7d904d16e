// The `octavo` command: thin shells over the library, one small module per command.
import { Command, Option } from 'commander';
import { writeFile } from 'node:fs/promises';
import { dbLocation, openStore } from './db.js';
import { exportFormats, formatByName } from '../render/formats.js';
import { runImport, summaryJson, summaryText } from './import.js';

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program.name('octavo').description('Publish and study historical writings: import, browse, search, export.').showHelpAfterError();
  const dbOpt = () => new Option('--db <location>', 'archive: SQLite file or postgres:// URL (default: $OCTAVO_DB or ./data/octavo.db)');

  program.command('import').description('import files or folders (MIA HTML/text, TEI, CMIF, Markdown)')
    .argument('<paths...>').addOption(dbOpt()).option('--json', 'print {imported, failed} as JSON')
    .option('--format <name>', 'skip detection and use this importer')
    .action(async (paths: string[], o: { db?: string; json?: boolean; format?: string }) => {
      const store = await openStore(dbLocation(o.db));
      try {
        const s = await runImport(store, paths, o);
        if (o.json) process.stdout.write(`${JSON.stringify(summaryJson(s), null, 2)}\n`);
        else process.stderr.write(`${summaryText(s)}\n`);
        if (s.failed) process.exitCode = 1;
      } finally {
        await store.close();
      }
    });

  program.command('serve').description('serve the archive over HTTP').addOption(dbOpt())
    .option('--port <n>', 'port (default $PORT or 8080)').option('--host <h>', 'interface', '127.0.0.1')
    .action(async (o: { db?: string; port?: string; host: string }) => (await import('./serve.js')).runServe(dbLocation(o.db), o));

  program.command('start').description('import the bundled sample archive if the archive is empty, then serve it')
    .addOption(dbOpt()).option('--port <n>').option('--host <h>', 'interface', '127.0.0.1')
    .action(async (o: { db?: string; port?: string; host: string }) => (await import('./start.js')).runStart(dbLocation(o.db), o));

  program.command('export').description('export one work').argument('<id>').addOption(dbOpt())
    .addOption(new Option('--format <f>', 'output format: txt, md, json, tei').default('txt'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (id: string, o: { db?: string; format: string; out?: string }) => {
      const fmt = formatByName(o.format);
      if (!fmt) throw new CliError(`unknown format "${o.format}"; choose one of ${exportFormats.map((f) => f.name).join(', ')}`);
      const store = await openStore(dbLocation(o.db));
      try {
        const work = await store.getWork(id);
        if (!work) throw new CliError(`no work with id "${id}" (see \`octavo list\`)`);
        const out = await fmt.render(work);
        if (o.out) await writeFile(o.out, out);
        else process.stdout.write(out);
      } finally {
        await store.close();
      }
    });

  program.command('export-cmif').description('print the archive\'s letters as one CMIF file (correspSearch)')
    .addOption(dbOpt()).option('--collection <path>', 'only this collection, e.g. lenin/letters')
    .option('--base-url <url>', 'public address of the archive, for links', process.env.OCTAVO_BASE_URL ?? 'http://localhost:8080')
    .action(async (o: { db?: string; collection?: string; baseUrl: string }) => {
      const { archiveCmif } = await import('../render/cmif/archive.js');
      const { siteInfo } = await import('../web/site-info.js');
      const site = siteInfo(o.baseUrl);
      const store = await openStore(dbLocation(o.db));
      try {
        const { xml, letters } = await archiveCmif(store, {
          baseUrl: site.baseUrl, title: site.name, publisher: site.publisher, editor: site.name, editorEmail: site.adminEmail,
          ...(o.collection ? { collection: o.collection.split('/').filter(Boolean) } : {}),
        });
        process.stdout.write(xml.endsWith('\n') ? xml : `${xml}\n`);
        process.stderr.write(`${letters} letters\n`);
      } finally {
        await store.close();
      }
    });

  program.command('list').description('list the works in the archive').addOption(dbOpt()).option('--json')
    .action(async (o: { db?: string; json?: boolean }) => {
      const store = await openStore(dbLocation(o.db));
      try {
        const works = await store.listWorks({ order: 'date' });
        if (o.json) process.stdout.write(`${JSON.stringify(works.map((w) => ({ id: w.id, kind: w.kind, title: w.title, date: w.date ?? null, authors: w.authors.map((a) => a.name), recipients: w.recipients.map((r) => r.name) })), null, 2)}\n`);
        else for (const w of works) process.stdout.write(`${w.id}\t${w.date ?? '—'}\t${w.kind}\t${w.title}\n`);
      } finally {
        await store.close();
      }
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.stderr.write(`octavo: ${(e as Error).message}\n`);
    process.exitCode = e instanceof CliError ? 2 : 1;
  }
}

export class CliError extends Error {}
