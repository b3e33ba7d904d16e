// `octavo export <id> --format …`: one work in one format, to stdout or a file.
import { renderJson } from '../render/json/index.js';
import { renderMarkdown } from '../render/markdown/index.js';
import { renderText } from '../render/text/index.js';
import type { Work } from '../model/work.js';

export const exportFormats: Record<string, { render: (w: Work) => string | Uint8Array; extension: string; mediaType: string }> = {
  txt: { render: renderText, extension: 'txt', mediaType: 'text/plain; charset=utf-8' },
  md: { render: renderMarkdown, extension: 'md', mediaType: 'text/markdown; charset=utf-8' },
  json: { render: renderJson, extension: 'json', mediaType: 'application/json; charset=utf-8' },
};

export function registerExportFormat(name: string, f: (typeof exportFormats)[string]): void {
  exportFormats[name] = f;
}
