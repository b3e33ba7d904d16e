// citation-js ships no TypeScript types: the parts Octavo uses (src/render/cite/engine.ts).
declare module '@citation-js/core' {
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: Record<string, unknown>[];
    format(name: string, options?: Record<string, unknown>): string;
  }
  interface PluginConfig {
    styles: { add(name: string, xml: string): void; has(name: string): boolean };
    locales: { has(name: string): boolean };
    format: Record<string, unknown>;
  }
  export const plugins: { config: { get(name: string): PluginConfig } };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-ris';
