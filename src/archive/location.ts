// Where an archive lives: an SQLite file (the default) or a postgres:// URL.

export const DEFAULT_LOCATION = './data/octavo.db';

/** --db, else $OCTAVO_DB, else ./data/octavo.db. */
export function archiveLocation(opt?: string): string {
  return opt ?? process.env.OCTAVO_DB ?? DEFAULT_LOCATION;
}

export const isPostgres = (location: string): boolean => /^postgres(ql)?:\/\//.test(location);

/** The file of an SQLite location ("sqlite:FILE" or FILE). */
export const sqliteFile = (location: string): string => location.replace(/^sqlite:/, '');
