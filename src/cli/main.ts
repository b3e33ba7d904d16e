// The `octavo` command: each sub-command is a thin shell over one small module (loaded on use, so
// that `octavo list` does not pay for the web server or PostgreSQL).
import { Command, Option } from 'commander';
import { dbLocation, openStore } from './db.js';
import { CliError } from './errors.js';

export { CliError };

const dbOpt = () => new Option('--db <location>', 'archive: SQLite file or postgres:// URL (default: $OCTAVO_DB or ./data/octavo.db)');

export async function main(argv: string[]): Promise<void> {
  const program = new Command();
  program.name('octavo').description('Publish and study historical writings: import, browse, search, export.').showHelpAfterError();

  program.command('import').description('import files or folders (MIA HTML/text, TEI, CMIF, Markdown)')
    .argument('<paths...>').addOption(dbOpt()).option('--json', 'print {imported, failed} as JSON')
    .option('--format <name>', 'skip detection and use this importer (mia-html, mia-text, tei, cmif, markdown)')
    .action(async (paths: string[], o: { db?: string; json?: boolean; format?: string }) => {
      const { runImport, summaryJson, summaryText } = await import('./import.js');
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
    .option('--workers <n>', 'processes serving requests (default 1, or $OCTAVO_WORKERS)')
    .action(async (o: { db?: string; port?: string; host: string; workers?: string }) => (await import('./serve.js')).runServe(dbLocation(o.db), o));

  program.command('start').description('import the bundled sample archive if the archive is empty, then serve it')
    .addOption(dbOpt()).option('--port <n>').option('--host <h>', 'interface', '127.0.0.1')
    .action(async (o: { db?: string; port?: string; host: string }) => (await import('./start.js')).runStart(dbLocation(o.db), o));

  program.command('export').description('export one work').argument('<id>').addOption(dbOpt())
    .addOption(new Option('--format <f>', 'output format: txt, md, json, tei').default('txt'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (id: string, o: { db?: string; format: string; out?: string }) => (await import('./export.js')).runExport(dbLocation(o.db), id, o));

  program.command('export-cmif').description('print the archive\'s letters as one CMIF file (for correspSearch)')
    .addOption(dbOpt()).option('--collection <path>', 'only this collection, e.g. lenin/letters')
    .option('--base-url <url>', 'public address of the archive, for links (default $OCTAVO_BASE_URL)')
    .action(async (o: { db?: string; collection?: string; baseUrl?: string }) => (await import('./export-cmif.js')).runExportCmif(dbLocation(o.db), o));

  program.command('list').description('list the works in the archive').addOption(dbOpt()).option('--json')
    .action(async (o: { db?: string; json?: boolean }) => (await import('./list.js')).runList(dbLocation(o.db), o));

  program.command('search').description('search the archive (see the query language in the README)').argument('<query>')
    .addOption(dbOpt()).option('--json', 'print the full response as JSON').option('--page <n>', 'page of results', '1')
    .option('--sort <order>', 'relevance, date or date-desc')
    .action(async (query: string, o: { db?: string; json?: boolean; page: string; sort?: string }) => {
      const { runSearch } = await import('./search.js');
      const store = await openStore(dbLocation(o.db));
      try {
        process.exitCode = await runSearch(store, query, { json: o.json, page: Number(o.page), sort: o.sort });
      } finally {
        await store.close();
      }
    });

  program.command('migrate-store').description('copy a whole archive to another store, losslessly, and verify the copy')
    .requiredOption('--from <location>', 'source: sqlite:FILE, FILE or postgres://…')
    .requiredOption('--to <location>', 'destination: sqlite:FILE, FILE or postgres://…')
    .action(async (o: { from: string; to: string }) => {
      const { runMigrateStore, migrateSummaryText } = await import('./migrate-store.js');
      process.stderr.write(`${migrateSummaryText(await runMigrateStore(o.from, o.to))}\n`);
    });

  const token = program.command('token').description('API tokens for the write API');
  token.command('create').description('create a token and print its secret once').addOption(dbOpt())
    .addOption(new Option('--role <role>', 'what the token may do').choices(['reader', 'editor', 'admin']).makeOptionMandatory())
    .option('--name <name>', 'a name for the token (default <role>-<date>)')
    .action(async (o: { db?: string; role: string; name?: string }) => {
      const { runTokenCreate, tokenCreatedText } = await import('./token.js');
      const text = tokenCreatedText(await runTokenCreate(dbLocation(o.db), o));
      process.stdout.write(text.stdout);
      process.stderr.write(text.stderr);
    });
  token.command('list').description('list tokens (never their secrets)').addOption(dbOpt())
    .action(async (o: { db?: string }) => {
      const { runTokenList, tokenListText } = await import('./token.js');
      process.stdout.write(tokenListText(await runTokenList(dbLocation(o.db))));
    });
  token.command('revoke').description('revoke a token by name').argument('<name>').addOption(dbOpt())
    .action(async (name: string, o: { db?: string }) => (await import('./token.js')).runTokenRevoke(dbLocation(o.db), name));

  program.command('backup').description('write a consistent backup of the whole archive').argument('<file>').addOption(dbOpt())
    .action(async (file: string, o: { db?: string }) => {
      const r = await (await import('./backup.js')).runBackup(dbLocation(o.db), file);
      process.stderr.write(`backup written to ${r.file} (${r.method}${r.bytes ? `, ${(r.bytes / 1048576).toFixed(1)} MB` : ''})\n`);
    });
  program.command('restore').description('restore an archive from a backup').argument('<file>').addOption(dbOpt())
    .option('--force', 'replace a non-empty archive')
    .action(async (file: string, o: { db?: string; force?: boolean }) => (await import('./backup.js')).runRestore(dbLocation(o.db), file, o));

  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.stderr.write(`octavo: ${(e as Error).message}\n`);
    process.exitCode = e instanceof CliError ? 2 : 1;
  }
}
