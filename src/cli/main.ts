// The `octavo` command: commander parses, and each sub-command is a thin shell over one small module,
// loaded only when that command runs (so `octavo --help` loads no database, stemmer or web server).
import { Command, Option } from 'commander';
import { CliError } from './errors.js';

export { CliError };

const dbOpt = () => new Option('--db <location>', 'archive: SQLite file or postgres:// URL (default: $OCTAVO_DB or ./data/octavo.db)');

/** A reader that stopped reading (`octavo list | head`) ends the command quietly, as it would `cat`. */
function quietOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

export async function main(argv: string[]): Promise<void> {
  quietOnClosedPipe();
  const program = new Command();
  program.name('octavo').description('Publish and study historical writings: import, browse, search, export.').showHelpAfterError();

  program
    .command('import')
    .description('import files or folders (MIA HTML/text, TEI, CMIF, Markdown)')
    .argument('<paths...>')
    .addOption(dbOpt())
    .option('--json', "print what was imported, skipped and failed (with each file's warnings) as JSON")
    .option('--verbose', 'list every warning, file by file')
    .option('--format <name>', 'skip detection and use this importer (mia-html, mia-text, plain-text, tei, cmif, markdown)')
    .action(async (paths: string[], o: { db?: string; json?: boolean; verbose?: boolean; format?: string }) =>
      (await import('./import.js')).importCommand(paths, o),
    );

  program
    .command('serve')
    .description('serve the archive over HTTP')
    .addOption(dbOpt())
    .option('--port <n>', 'port (default $PORT or 8080)')
    .option('--host <h>', 'interface', '127.0.0.1')
    .option('--workers <n>', 'processes serving requests (default 1, or $OCTAVO_WORKERS)')
    .option(
      '--replica <url>',
      'PostgreSQL: a streaming replica of --db to read from (repeat for several; writes go to --db)',
      (url: string, all: string[]) => [...all, url],
      [] as string[],
    )
    .action(async (o: { db?: string; port?: string; host: string; workers?: string; replica: string[] }) => {
      await (await import('./serve.js')).serveCommand(o);
    });

  program
    .command('start')
    .description('import the bundled sample archive if the archive is empty, then serve it')
    .addOption(dbOpt())
    .option('--port <n>')
    .option('--host <h>', 'interface', '127.0.0.1')
    .action(async (o: { db?: string; port?: string; host: string }) => (await import('./start.js')).startCommand(o));

  program
    .command('export')
    .description('export one work')
    .argument('<id>')
    .addOption(dbOpt())
    .addOption(new Option('--format <f>', 'output format: txt, md, json, tei, epub, pdf, bibtex, ris, csl').default('txt'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--base-url <url>', 'public address of the archive, for citations (default $OCTAVO_BASE_URL)')
    .action(async (id: string, o: { db?: string; format: string; out?: string; baseUrl?: string }) =>
      (await import('./export.js')).exportCommand(id, o),
    );

  program
    .command('export-cmif')
    .description("print the archive's letters as one CMIF file (for correspSearch)")
    .addOption(dbOpt())
    .option('--collection <path>', 'only this collection, e.g. lenin/letters')
    .option('--base-url <url>', 'public address of the archive, for links (default $OCTAVO_BASE_URL)')
    .action(async (o: { db?: string; collection?: string; baseUrl?: string }) => (await import('./export-cmif.js')).exportCmifCommand(o));

  program
    .command('export-collection')
    .description('export a book or volume in one file, its works in contents order')
    .argument('<path>')
    .addOption(dbOpt())
    .addOption(new Option('--format <f>', 'output format: txt, md, json, tei, epub, pdf').default('txt'))
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (path: string, o: { db?: string; format: string; out?: string }) =>
      (await import('./export-collection.js')).exportCollectionCommand(path, o),
    );

  program
    .command('build')
    .description('write the whole archive as a static site (relative links, exports, sitemap, feed, client-side search)')
    .argument('<outdir>')
    .addOption(dbOpt())
    .option('--base-url <url>', 'public address of the static site, for sitemap.xml and feed.atom (default $OCTAVO_BASE_URL)')
    .option('--live-url <url>', "address of the live server, for links the static site lacks (a record's history)")
    .option('--with-pdf', 'also write the formats that need a browser to render (PDF)')
    .option('--workers <n>', 'worker threads rendering pages (default: none below 4 cores)')
    .action(async (outdir: string, o: { db?: string; baseUrl?: string; liveUrl?: string; withPdf?: boolean; workers?: string }) =>
      (await import('./build.js')).buildCommand(outdir, o),
    );

  program
    .command('collections')
    .description('list the collections (books, volumes, years of letters): path, works, title')
    .addOption(dbOpt())
    .option('--json')
    .action(async (o: { db?: string; json?: boolean }) => (await import('./collections.js')).collectionsCommand(o));

  program
    .command('list')
    .description('list the works in the archive')
    .addOption(dbOpt())
    .option('--json')
    .action(async (o: { db?: string; json?: boolean }) => (await import('./list.js')).listCommand(o));

  program
    .command('search')
    .description('search the archive (see the query language in the README)')
    .argument('<query>')
    .addOption(dbOpt())
    .option('--json', 'print the full response as JSON')
    .option('--page <n>', 'page of results', '1')
    .option('--sort <order>', 'relevance, date or date-desc')
    .action(async (query: string, o: { db?: string; json?: boolean; page: string; sort?: string }) =>
      (await import('./search.js')).searchCommand(query, o),
    );

  program
    .command('migrate-store')
    .description('copy a whole archive to another store, losslessly, and verify the copy')
    .requiredOption('--from <location>', 'source: sqlite:FILE, FILE or postgres://…')
    .requiredOption('--to <location>', 'destination: sqlite:FILE, FILE or postgres://…')
    .action(async (o: { from: string; to: string }) => (await import('./migrate-store.js')).migrateStoreCommand(o));

  const token = program.command('token').description('API tokens for the write API');
  token
    .command('create')
    .description('create a token and print its secret once')
    .addOption(dbOpt())
    .addOption(new Option('--role <role>', 'what the token may do').choices(['reader', 'editor', 'admin']).makeOptionMandatory())
    .option('--name <name>', 'a name for the token (default <role>-<date>)')
    .action(async (o: { db?: string; role: string; name?: string }) => (await import('./token.js')).tokenCreateCommand(o));
  token
    .command('list')
    .description('list tokens (never their secrets)')
    .addOption(dbOpt())
    .action(async (o: { db?: string }) => (await import('./token.js')).tokenListCommand(o));
  token
    .command('revoke')
    .description('revoke a token by name')
    .argument('<name>')
    .addOption(dbOpt())
    .action(async (name: string, o: { db?: string }) => (await import('./token.js')).tokenRevokeCommand(name, o));

  program
    .command('backup')
    .description('write a consistent backup of the whole archive')
    .argument('<file>')
    .addOption(dbOpt())
    .action(async (file: string, o: { db?: string }) => (await import('./backup.js')).backupCommand(file, o));
  program
    .command('restore')
    .description('restore an archive from a backup')
    .argument('<file>')
    .addOption(dbOpt())
    .option('--force', 'replace a non-empty archive')
    .action(async (file: string, o: { db?: string; force?: boolean }) => (await import('./backup.js')).restoreCommand(file, o));

  try {
    await program.parseAsync(argv);
  } catch (e) {
    process.stderr.write(`octavo: ${(e as Error).message}\n`);
    process.exitCode = e instanceof CliError ? 2 : 1;
  }
}
