// Who publishes this archive and where: shown by OAI-PMH Identify, written into CMIF, used for links.
export interface SiteInfo {
  /** Public root of the site, e.g. https://octavo.example.org (no trailing slash). */
  baseUrl: string;
  name: string;
  adminEmail: string;
  publisher: string;
}

export function siteInfo(baseUrl?: string, env: NodeJS.ProcessEnv = process.env): SiteInfo {
  return {
    baseUrl: (env.OCTAVO_BASE_URL ?? baseUrl ?? 'http://localhost:8080').replace(/\/+$/, ''),
    name: env.OCTAVO_NAME ?? 'Octavo',
    adminEmail: env.OCTAVO_ADMIN_EMAIL ?? 'archive@localhost.localdomain',
    publisher: env.OCTAVO_PUBLISHER ?? env.OCTAVO_NAME ?? 'Octavo',
  };
}
