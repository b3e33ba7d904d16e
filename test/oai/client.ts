// Talking OAI-PMH to a mounted sub-app through app.request(): every response is checked by xmllint and
// a strict parser, and for the envelope every response shares, before a test looks at it.
import type { Element } from '@xmldom/xmldom';
import { Hono } from 'hono';
import { expect } from 'vitest';
import type { Store } from '../../src/store/store.js';
import { oaiRoutes, type OaiOptions } from '../../src/web/routes/oai.js';
import { all, children, errorCodes, one, OAI, parseXml, text, XSI, xmllint } from './xml.js';

export const BASE = 'https://octavo.example.org';
export const OPTS: OaiOptions = { baseUrl: BASE, repositoryName: 'Octavo test archive', adminEmail: 'archive@octavo.example.org' };
export const oaiId = (id: string) => `oai:octavo.example.org:${id}`;

export function mount(store: Store, opts: Partial<OaiOptions> = {}) {
  const app = new Hono();
  app.route('/', oaiRoutes(store, { ...OPTS, ...opts }));
  return app;
}
export type App = ReturnType<typeof mount>;

/** One GET (or the given request to /oai), checked; returns the document and its request element. */
export async function oai(app: App, query: string, init?: RequestInit) {
  const res = await app.request(init ? '/oai' : `/oai?${query}`, init);
  const body = await res.text();
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/xml; charset=utf-8');
  expect(xmllint(body)).toBe('');
  const doc = parseXml(body);
  const root = doc.documentElement!;
  expect(root.localName).toBe('OAI-PMH');
  expect(root.namespaceURI).toBe(OAI);
  expect(root.getAttributeNS(XSI, 'schemaLocation')).toBe(`${OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd`);
  expect(
    children(root)
      .map((e) => e.localName)
      .slice(0, 2),
  ).toEqual(['responseDate', 'request']);
  expect(text(one(doc, 'responseDate'))).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  expect(text(one(doc, 'request'))).toBe(`${BASE}/oai`);
  expectShape(root);
  return { doc, body, request: one(doc, 'request') };
}

/** What OAI-PMH.xsd asks of a response's structure, checked by hand: errors or one verb element; headers and records in order. */
function expectShape(root: Element): void {
  const rest = children(root)
    .slice(2)
    .map((e) => e.localName);
  const verb = one(root.ownerDocument!, 'request').getAttribute('verb');
  if (rest[0] === 'error') expect(new Set(rest)).toEqual(new Set(['error']));
  else expect(rest).toEqual([verb]);
  for (const h of all(root, 'header')) {
    expect(
      children(h)
        .map((e) => e.localName)
        .join(','),
    ).toMatch(/^identifier,datestamp(,setSpec)*$/);
    expect(['', 'deleted']).toContain(h.getAttribute('status') ?? '');
  }
  for (const r of all(root, 'record'))
    expect(
      children(r)
        .map((e) => e.localName)
        .join(','),
    ).toMatch(/^header(,metadata)?$/);
  for (const m of all(root, 'metadata')) expect(children(m).length).toBe(1);
  for (const t of all(root, 'resumptionToken')) expect(children(t.parentNode as Element).at(-1)).toBe(t); // last in its list
}

/** The attributes of an element as a plain object (for the echoed request). */
export const attrsOf = (e: Element): Record<string, string> =>
  Object.fromEntries(Array.from({ length: e.attributes.length }, (_, i) => [e.attributes[i]!.name, e.attributes[i]!.value]));

/** Follow resumption tokens to the end; every page's items and its resumptionToken element. */
export async function harvest(app: App, verb: string, args: string, item: string) {
  const pages: { items: Element[]; token?: Element }[] = [];
  let query = `verb=${verb}&${args}`;
  for (;;) {
    const { doc } = await oai(app, query);
    expect(errorCodes(doc)).toEqual([]);
    const list = one(doc, verb);
    const token = all(list, 'resumptionToken')[0];
    pages.push({ items: children(list).filter((e) => e.localName === item), token });
    const value = text(token);
    if (!value) return pages;
    query = `verb=${verb}&resumptionToken=${encodeURIComponent(value)}`;
  }
}

export const idsOf = (headers: Element[]): string[] => headers.map((h) => text(one(h, 'identifier')));
