// What every verb needs: the store, the repository's settings, and the time of this request.
import type { Store } from '../../store/store.js';
import { workHref } from '../../render/html/href.js';

export interface OaiOptions {
  /** The site's public root, e.g. https://octavo.example.org; the OAI base URL is <baseUrl>/oai. */
  baseUrl: string;
  repositoryName: string;
  adminEmail: string | string[];
  /** Records (or sets) per response before a resumptionToken; default 100. */
  pageSize?: number;
  /** How long a resumptionToken stays valid; default 24 hours. */
  tokenTtlSeconds?: number;
  /** The repository identifier in OAI identifiers; default the host name of baseUrl. */
  repositoryIdentifier?: string;
  /** Clock, injectable for tests. */
  now?: () => Date;
}

export interface OaiContext {
  store: Store;
  baseUrl: string;
  oaiBaseUrl: string;
  repositoryName: string;
  adminEmails: string[];
  repositoryId: string;
  pageSize: number;
  tokenTtlSeconds: number;
  now: Date;
  workUrl: (id: string) => string;
}

export function makeContext(store: Store, opts: OaiOptions, now: Date): OaiContext {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const pageSize = opts.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new Error(`OAI page size must be a positive integer, not ${pageSize}`);
  return {
    store,
    baseUrl,
    oaiBaseUrl: `${baseUrl}/oai`,
    repositoryName: opts.repositoryName,
    adminEmails: Array.isArray(opts.adminEmail) ? opts.adminEmail : [opts.adminEmail],
    repositoryId: opts.repositoryIdentifier ?? new URL(baseUrl).hostname,
    pageSize,
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 86_400,
    now,
    workUrl: (id) => `${baseUrl}${workHref(id)}`,
  };
}
