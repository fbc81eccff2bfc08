/**
 * H5: installs the service worker that keeps the app on the device (see config/offline-app.ts), so
 * after one online visit it opens, scans and verifies with no network. WeChat keeps subpackages itself.
 */
export function installOfflineApp(): void {
  if (process.env.TARO_ENV !== 'h5') return;
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
