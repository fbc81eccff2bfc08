import type { Compiler } from 'webpack';
import { GenerateSW } from 'workbox-webpack-plugin';

/**
 * The H5 app as an installable app that opens with no network: a web app manifest and a Workbox
 * service worker precaching every file of the build (app shell and all page chunks, which H5 would
 * otherwise fetch on first use and fail to fetch offline with a ChunkLoadError). The API and the
 * server's own pages (/api, /v/…) are never cached by it.
 */
const manifest = {
  name: '重点物资运输车辆通行证 · 卡口核验',
  short_name: '通行证核验',
  lang: 'zh-CN',
  start_url: '/#/packages/checkpoint/pages/home/index',
  scope: '/',
  display: 'standalone',
  orientation: 'portrait',
  background_color: '#f3f5f4',
  theme_color: '#1f7a4d',
  icons: [{ src: '/app-icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
};

const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#1f7a4d"/><path d="M128 272l88 88 168-200" fill="none" stroke="#fff" stroke-width="56" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

/**
 * The same icon as the tab's favicon, inline in index.html: a phone on a weak signal gets it with the
 * page, not as one more request (about 1 KiB of headers for 248 bytes; issue 18's first-load budget).
 */
export const iconDataUrl = `data:image/svg+xml,${encodeURIComponent(icon)}`;

/** Emits the manifest and its icon next to index.html. */
class ManifestPlugin {
  apply(compiler: Compiler) {
    compiler.hooks.thisCompilation.tap('ManifestPlugin', (compilation) => {
      const { RawSource } = compiler.webpack.sources;
      compilation.hooks.processAssets.tap(
        { name: 'ManifestPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.emitAsset('manifest.webmanifest', new RawSource(JSON.stringify(manifest, null, 2)));
          compilation.emitAsset('app-icon.svg', new RawSource(icon));
        },
      );
    });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: Taro's webpack-chain type is not exported.
export function addOfflineApp(chain: any): void {
  chain.plugin('offline-manifest').use(ManifestPlugin);
  chain.plugin('offline-service-worker').use(GenerateSW, [
    {
      swDest: 'sw.js',
      clientsClaim: true,
      skipWaiting: true,
      cleanupOutdatedCaches: true,
      maximumFileSizeToCacheInBytes: 2 * 1024 * 1024,
      // The .br/.gz files are the same assets in another encoding, sent by the server on request.
      exclude: [/\.map$/, /\.LICENSE\.txt$/, /\.(br|gz)$/],
    },
  ]);
}
