import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** A build file whose name carries its content hash (`js/app.632ff727.js`): its bytes never change. */
const hashedFile = /\.[0-9a-f]{8,}\.(js|css)$/;

/** Cache-Control for an H5 file: hashed files for a year, everything else checked on every load. */
export function h5CacheControl(filePath: string): string {
  // A .br/.gz variant is the same asset: judge it by the name the browser asked for.
  const name = basename(filePath).replace(/\.(br|gz)$/, '');
  if (hashedFile.test(name)) return 'public, max-age=31536000, immutable';
  // index.html, sw.js, the manifest: a new release must reach the phone on its next load.
  return 'no-cache';
}

/**
 * Serves the built H5 app. The build writes brotli and gzip variants next to each text file
 * (miniapp/config/h5-delivery.ts); `preCompressed` sends the one the browser accepts.
 */
export function serveH5App(app: NestFastifyApplication, h5Dir: string): void {
  if (!existsSync(h5Dir)) return;
  app.useStaticAssets({
    root: h5Dir,
    prefix: '/',
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, filePath) => {
      res.setHeader('Cache-Control', h5CacheControl(filePath));
    },
  });
}
