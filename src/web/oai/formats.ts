// The metadata formats this repository disseminates. Every work can be given in every format, so
// noMetadataFormats never arises; a work that fails to render is a server error, not a protocol one.
import { renderOaiDc, OAI_DC_NS, OAI_DC_SCHEMA } from '../../render/dc/index.js';
import { renderTei } from '../../render/tei/index.js';
import type { Work } from '../../model/work.js';

export interface RenderContext {
  /** The work's public URL. */
  url: string;
  workUrl: (id: string) => string;
  repositoryName: string;
}

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  /** One XML element (no declaration), placed inside <metadata>. */
  render(work: Work, ctx: RenderContext): string;
}

/** A whole XML document reduced to its root element: declaration, PIs, comments and doctype dropped. */
export function rootElement(doc: string): string {
  return doc.replace(/^\uFEFF?(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/, '').trimEnd();
}

export const FORMATS: MetadataFormat[] = [
  {
    prefix: 'oai_dc',
    schema: OAI_DC_SCHEMA,
    namespace: OAI_DC_NS,
    render: (work, ctx) => renderOaiDc(work, { url: ctx.url, workUrl: ctx.workUrl, publisher: ctx.repositoryName }),
  },
  {
    prefix: 'tei',
    schema: 'https://tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd',
    namespace: 'http://www.tei-c.org/ns/1.0',
    render: (work) => rootElement(renderTei(work)),
  },
];

export const formatOf = (prefix: string): MetadataFormat | undefined => FORMATS.find((f) => f.prefix === prefix);
