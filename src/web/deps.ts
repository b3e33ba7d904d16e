// What every route needs, handed to each sub-app when the app is built.
import type { Handlers } from '../render/html/handlers.js';
import type { AssetUrls } from '../render/html/layout.js';
import type { PersonSummary } from '../render/html/pages/authors.js';
import type { PeopleRegister } from '../model/register.js';
import type { Store } from '../store/store.js';
import type { ExportFormat } from './formats.js';

export interface Deps {
  store: Store;
  assets: AssetUrls;
  formats: ExportFormat[];
  handlers?: Handlers;
  people: () => Promise<PersonSummary[]>;
  register: PeopleRegister;
  /** Public root of the site, for the addresses citations give (src/archive/site-info.ts). */
  baseUrl: string;
}
