// Reading OAI-PMH responses in tests: a strict namespace-aware parse, a few XPath-ish helpers, and
// xmllint (Debian libxml2-utils), a parser no one here wrote, for well-formedness.
import { DOMParser, onErrorStopParsing, type Document, type Element } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const OAI = 'http://www.openarchives.org/OAI/2.0/';
export const OAI_DC = 'http://www.openarchives.org/OAI/2.0/oai_dc/';
export const DC = 'http://purl.org/dc/elements/1.1/';
export const TEI = 'http://www.tei-c.org/ns/1.0';
export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

/** Parse, failing on any error or warning-worthy problem (not only fatal ones). */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, 'text/xml');
}

const elementsOf = (nodes: { length: number; item(i: number): unknown }): Element[] =>
  Array.from({ length: nodes.length }, (_, i) => nodes.item(i) as Element);

/** Descendants in a namespace by local name. */
export function all(node: Document | Element, local: string, ns = OAI): Element[] {
  return elementsOf(node.getElementsByTagNameNS(ns, local));
}

export function one(node: Document | Element, local: string, ns = OAI): Element {
  const found = all(node, local, ns);
  if (found.length !== 1) throw new Error(`expected one <${local}>, found ${found.length}`);
  return found[0]!;
}

export const text = (e: Element | undefined): string => e?.textContent ?? '';
export const texts = (node: Document | Element, local: string, ns = OAI): string[] => all(node, local, ns).map((e) => text(e));

/** Element children of an element. */
export function children(e: Element): Element[] {
  return elementsOf(e.childNodes).filter((n) => n.nodeType === 1);
}

/** The error codes of an OAI response. */
export const errorCodes = (doc: Document): string[] => all(doc, 'error').map((e) => e.getAttribute('code') ?? '');

/** xmllint's verdict on a document: '' when well-formed, its messages otherwise. Throws if xmllint is missing. */
export function xmllint(xml: string, args: string[] = []): string {
  const r = spawnSync('xmllint', ['--noout', '--nonet', ...args, '-'], { input: xml, encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed for these tests (Debian package libxml2-utils): ${r.error.message}`);
  return r.status === 0 ? '' : r.stderr || `xmllint exited with ${r.status}`;
}

/** The official OAI-PMH 2.0 schemas (test/schemas/oai-pmh: OAI-PMH.xsd with oai_dc and oai-identifier), offline. */
export const OAI_SCHEMAS = join(import.meta.dirname, '..', 'schemas', 'oai-pmh');

/**
 * xmllint's schema verdict on each document (one xmllint run for all):
 * `XML_CATALOG_FILES=catalog.xml xmllint --nonet --noout --schema oai-pmh-bundle.xsd …`.
 * '' for a valid document, else xmllint's messages about it. Throws if xmllint is missing or the schemas
 * do not compile.
 */
export function validateOaiPmh(docs: string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'octavo-oai-xsd-'));
  try {
    const files = docs.map((xml, i) => {
      const file = join(dir, `response-${i}.xml`);
      writeFileSync(file, xml);
      return file;
    });
    const r = spawnSync('xmllint', ['--nonet', '--noout', '--schema', join(OAI_SCHEMAS, 'oai-pmh-bundle.xsd'), ...files], {
      encoding: 'utf8',
      env: { ...process.env, XML_CATALOG_FILES: join(OAI_SCHEMAS, 'catalog.xml') },
      maxBuffer: 64 * 1024 * 1024,
    });
    if (r.error) throw new Error(`xmllint is needed for these tests (Debian package libxml2-utils): ${r.error.message}`);
    const out = `${r.stderr}${r.stdout}`;
    if (/failed to compile|Could not (load|open)|failed to load/i.test(out) || ![0, 3].includes(r.status ?? -1)) {
      throw new Error(`xmllint could not use the OAI-PMH schemas (exit ${r.status}): ${out.trim().slice(0, 2000)}`);
    }
    const lines = out.split('\n');
    return files.map((file) => {
      const mine = lines.filter((l) => l.startsWith(`${file}:`) || l.startsWith(`${file} `));
      if (mine.includes(`${file} validates`)) return '';
      const messages = mine.filter((l) => l !== `${file} fails to validate`).map((l) => l.slice(dir.length + 1));
      return messages.join('\n') || `not reported as valid: ${mine.join(' ') || '(no output)'}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
