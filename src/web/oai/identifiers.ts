// OAI identifiers: oai:<repository identifier>:<work id>, e.g. oai:octavo.example.org:lenin/1918/05/14-shahumyan.
// The repository identifier defaults to the host name of the site's base URL. Work ids are lowercase
// slug paths, all inside the oai-identifier scheme's local-identifier alphabet, so they need no escaping.

export const oaiIdentifier = (repositoryId: string, workId: string): string => `oai:${repositoryId}:${workId}`;

/** The work id an OAI identifier names, or undefined when it is not one of this repository's. */
export function workIdOf(repositoryId: string, identifier: string): string | undefined {
  const prefix = `oai:${repositoryId}:`;
  return identifier.startsWith(prefix) && identifier.length > prefix.length ? identifier.slice(prefix.length) : undefined;
}

/**
 * Whether the repository identifier satisfies the oai-identifier scheme (a domain name with at least
 * one dot); only then does Identify describe the scheme. "127.0.0.1" or "localhost" still work as
 * identifiers, they just do not claim to follow it.
 */
export const isDomainName = (s: string): boolean => /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(s);
