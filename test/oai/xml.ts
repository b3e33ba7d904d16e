// Reading OAI-PMH responses in tests: a strict namespace-aware parse, a few XPath-ish helpers, and
// xmllint (Debian libxml2-utils), a parser no one here wrote, for well-formedness.
import { DOMParser, onErrorStopParsing, type Document, type Element } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';

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
