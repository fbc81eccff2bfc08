// What a phone downloads to open the H5 app, measured the same way by the browser test
// (e2e/h5-delivery.e2e.ts, which holds the build to issue 18's budgets) and by `pnpm bench`
// (scripts/bench/sections/h5.mjs, which prints the figures next to the goals). Plain JavaScript so the
// bench can import it without a TypeScript step.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const KiB = 1024;
/** What a phone on a weak signal downloads before it can sign in (issue 18's goal). */
export const firstLoadBudgetBytes = 250 * KiB;
/** All JavaScript of the build, every page of every role (issue 18's goal). */
export const allScriptsBudgetBytes = 3 * 1024 * KiB;

/**
 * Every .js file of a build folder, with paths.
 * @param {string} dir
 */
export function scriptsOf(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .map((name) => join(dir, name));
}

/**
 * All JavaScript of the build, uncompressed.
 * @param {string} dir
 */
export function allScripts(dir) {
  const files = scriptsOf(dir);
  return { files: files.length, bytes: files.reduce((sum, file) => sum + statSync(file).size, 0) };
}

/**
 * Opens the app's login page in a fresh page (empty cache, so everything comes over the wire, compressed
 * as Chromium asks: br, gzip) and adds up what arrived: bodies as transferred plus headers. The API's
 * answers are left out: the goal is the app's own files.
 * @param {import('playwright-core').Page} page
 * @param {string} baseUrl
 * @returns {Promise<{ responses: import('playwright-core').Response[], transferredBytes: number }>}
 */
export async function measureLoginFirstLoad(page, baseUrl) {
  /** @type {import('playwright-core').Response[]} */
  const responses = [];
  page.on('response', (response) => {
    if (!response.url().includes('/api/')) responses.push(response);
  });
  await page.goto(baseUrl);
  await page.locator('.login__title', { hasText: '重点物资运输车辆通行证' }).waitFor({ state: 'visible' });
  await page.waitForLoadState('networkidle');
  let transferredBytes = 0;
  for (const response of responses) {
    const sizes = await response.request().sizes();
    transferredBytes += sizes.responseBodySize + sizes.responseHeadersSize;
  }
  return { responses, transferredBytes };
}

/**
 * Whether a viewport <meta> lets the user pinch-zoom: no `user-scalable=no` (or 0) and no
 * `maximum-scale` under 5, the line Lighthouse draws (WCAG 1.4.4 asks for 200 % at least).
 * @param {string | null | undefined} content
 */
export function viewportAllowsZoom(content) {
  if (!content) return true;
  const entries = Object.fromEntries(
    content
      .split(/[,;]/)
      .map((part) => part.split('=').map((s) => s.trim().toLowerCase()))
      .filter(([key]) => key),
  );
  const scalable = entries['user-scalable'];
  if (scalable === 'no' || (scalable !== undefined && Number(scalable) === 0)) return false;
  const max = entries['maximum-scale'];
  return max === undefined || Number.isNaN(Number(max)) || Number(max) >= 5;
}

/**
 * The page's viewport as the browser holds it after the app has run (a script could rewrite it).
 * @param {import('playwright-core').Page} page
 */
export async function pinchZoom(page) {
  const viewport = await page.evaluate(
    () => document.querySelector('meta[name="viewport"]')?.getAttribute('content') ?? null,
  );
  return { viewport, allowed: viewportAllowsZoom(viewport) };
}

/**
 * The icon a browser shows in the tab: the page's <link rel="icon">, else /favicon.ico. An icon inline
 * in the page (a data: URL) comes with it; any other is fetched from the server. Served means an image.
 * @param {import('playwright-core').Page} page
 */
export async function favicon(page) {
  const href = await page.evaluate(() => {
    const link = document.querySelector('link[rel~="icon"]');
    return link ? /** @type {HTMLLinkElement} */ (link).href : new URL('/favicon.ico', location.href).href;
  });
  if (href.startsWith('data:')) {
    const contentType = href.slice('data:'.length).split(/[;,]/)[0];
    return { href: 'data: URL in the page', status: null, contentType, served: contentType.startsWith('image/') };
  }
  const response = await page.request.get(href);
  const contentType = response.headers()['content-type'] ?? '';
  return {
    href: new URL(href).pathname,
    status: response.status(),
    contentType,
    served: response.status() === 200 && contentType.startsWith('image/'),
  };
}
