// axe-core in a playwright page: inject the engine (through the DevTools protocol, so the page's
// Content-Security-Policy does not block it) and return what it finds.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ImpactValue, Result, RunOptions } from 'axe-core';
import type { Page } from 'playwright-core';

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8'));

/** WCAG 2.0–2.2 A and AA and axe's best practices, unless `options` says otherwise. */
const DEFAULT_OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  resultTypes: ['violations'],
};

/** The axe violations on the page as it is now. */
export async function axeViolations(page: Page, options: RunOptions = DEFAULT_OPTIONS): Promise<Result[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`${axeSource()}\n;void 0`);
  return page.evaluate(async (o) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: unknown): Promise<{ violations: Result[] }> } }).axe;
    return (await axe.run(document, o)).violations;
  }, options);
}

const SEVERE: ImpactValue[] = ['serious', 'critical'];
/** Violations of impact serious or critical. */
export const severe = (vs: Result[]) => vs.filter((v) => SEVERE.includes(v.impact ?? null));

/** One line per violation and up to three of its elements, for a test's output. */
export function describeViolations(vs: Result[]): string {
  return vs
    .map(
      (v) =>
        `${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.length})\n` +
        v.nodes
          .slice(0, 3)
          .map((n) => `    ${n.target.join(' ')} — ${(n.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200)}`)
          .join('\n'),
    )
    .join('\n');
}
