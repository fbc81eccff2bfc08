import { constants } from 'node:zlib';
import CompressionPlugin from 'compression-webpack-plugin';

/**
 * How the H5 build reaches a phone on a weak signal.
 *
 * - Taro splits only the initial chunk, so each page chunk carried its own copy of zod, NutUI and the
 *   region table (16 MB of JS for 11 pages): modules shared by page chunks go to shared chunks instead.
 *   Chunks under 20 KB stay inside their page, so a page does not fetch dozens of tiny files.
 * - Every text asset is also written brotli- and gzip-compressed; the server sends the variant the
 *   browser accepts (`preCompressed` in server/src/common/h5-assets.ts), with no compression work per
 *   request.
 */
// biome-ignore lint/suspicious/noExplicitAny: Taro's webpack-chain type is not exported.
export function addH5Delivery(chain: any): void {
  chain.optimization.splitChunks({ ...chain.optimization.get('splitChunks'), chunks: 'all', minSize: 20_000 });
  const compressible = /\.(js|css|html|svg|json|webmanifest)$/;
  chain.plugin('brotli').use(CompressionPlugin, [
    {
      filename: '[path][base].br',
      algorithm: 'brotliCompress',
      test: compressible,
      compressionOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } },
      threshold: 1024,
      minRatio: 0.9,
    },
  ]);
  chain
    .plugin('gzip')
    .use(CompressionPlugin, [
      { filename: '[path][base].gz', algorithm: 'gzip', test: compressible, threshold: 1024, minRatio: 0.9 },
    ]);
}
