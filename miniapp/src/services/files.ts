import { fetchBinary } from '@/services/binary';

/**
 * H5: a file under /api as an object URL the page can show (<Image>) or open. The WeChat build uses
 * `files.weapp.ts` instead.
 */
export async function localFileUrl(path: string, mimeType: string): Promise<string> {
  const bytes = await fetchBinary(path);
  return URL.createObjectURL(new Blob([bytes], { type: mimeType }));
}

/** H5: the PDF in a new tab, opened at the tap itself so that no pop-up blocker refuses it. */
export async function openPdf(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const url = await localFileUrl(path, 'application/pdf');
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (error) {
    tab?.close();
    throw error;
  }
}
