import { createRequire } from 'node:module';
import type * as Axe from 'axe-core';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
/** axe-core's browser bundle, read once; the page's CSP does not apply to what the test evaluates. */
const axeSource: string = require('axe-core').source;

/** The rules of WCAG 2.0 and 2.1 at levels A and AA. */
const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * The serious and critical WCAG 2 A/AA violations axe-core finds on what the page shows now (Taro's
 * hidden pages of the stack are skipped by axe, as a screen reader skips them).
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  // Taro's toast fades in and out over 0.1 s: mid-fade its white text is drawn half transparent, which
  // axe measures as too little contrast. It is audited shown or gone, not in between.
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('.taro__toast')].every((el) => {
      const { display, opacity } = getComputedStyle(el);
      return display === 'none' || opacity === '1' || opacity === '0';
    }),
  );
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        rule: v.id,
        impact: v.impact ?? '',
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(' ')),
      }));
  }, wcagTags);
}
