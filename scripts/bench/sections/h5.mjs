// The H5 app as a phone gets it: the built app (miniapp/dist/h5) served by the real server, the login
// page opened in Chromium with an empty cache (brotli, as Chromium asks for it), and all the build's
// JavaScript. Measured with the browser test's own code (miniapp/e2e/support/h5-delivery.mjs), which
// also checks that pinch-zoom is allowed and that a favicon is served.
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openPhonePage } from '../../../miniapp/e2e/support/chromium.mjs';
import { allScripts, favicon, measureLoginFirstLoad, pinchZoom } from '../../../miniapp/e2e/support/h5-delivery.mjs';
import { progress, repoRoot, run, settings } from '../lib/common.mjs';
import { startServer } from '../lib/processes.mjs';

const h5Dir = join(repoRoot, 'miniapp/dist/h5');

/**
 * Builds the H5 app (unless BENCH_BUILD_H5=0 and a build exists), then measures it. The server runs on
 * its own embedded SQLite database: only static files are measured, and the bench's MariaDB database
 * keeps the settings the other sections start it with.
 */
export async function h5Delivery() {
  const built = existsSync(join(h5Dir, 'index.html'));
  const rebuilt = settings.buildH5 || !built;
  if (rebuilt) {
    progress('h5: pnpm --filter @pass/miniapp build:h5');
    await run('pnpm', ['--filter', '@pass/miniapp', 'build:h5']);
  }
  const result = {
    build: { rebuilt, builtAt: statSync(join(h5Dir, 'index.html')).mtime.toISOString() },
    allScripts: allScripts(h5Dir),
  };
  const dataDir = mkdtempSync(join(tmpdir(), 'pass-bench-h5-'));
  let server;
  let browser;
  try {
    progress('h5: first load of the login page in Chromium');
    server = await startServer({ DATA_DIR: dataDir, H5_DIR: h5Dir });
    browser = await launchBrowser();
    const page = await openPhonePage(browser);
    const { responses, transferredBytes } = await measureLoginFirstLoad(page, server.url);
    const encodings = {};
    for (const response of responses) {
      const encoding = (await response.allHeaders())['content-encoding'] ?? 'none';
      encodings[encoding] = (encodings[encoding] ?? 0) + 1;
    }
    result.firstLoad = { files: responses.length, transferredBytes, encodings };
    result.pinchZoom = await pinchZoom(page);
    result.favicon = await favicon(page);
  } catch (error) {
    // No Chromium (or no display of it): the JS size still stands; the first load is "not measured".
    result.firstLoadError = String(error?.message ?? error).split('\n')[0];
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}
