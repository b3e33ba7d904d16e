// `octavo migrate-store --from sqlite:FILE --to postgres://…`: see src/archive/migrate.ts.
import { migrateArchive, type MigrateSummary } from '../archive/migrate.js';

export const migrateSummaryText = (s: MigrateSummary): string =>
  `copied ${s.works} works, ${s.collections} collections, ${s.revisions} revisions, ${s.tokens} tokens in ${s.seconds.toFixed(1)} s${s.verified ? '; both archives read back identical' : ''}`;

export async function migrateStoreCommand(o: { from: string; to: string }): Promise<void> {
  process.stderr.write(`${migrateSummaryText(await migrateArchive(o.from, o.to))}\n`);
}
