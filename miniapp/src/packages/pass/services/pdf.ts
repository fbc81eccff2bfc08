import { fetchBinary } from '@/services/binary';

/**
 * H5: the printable PDF in a new tab, where the browser saves or prints it. The tab is opened at the
 * tap itself, so no pop-up blocker refuses it. The WeChat build uses `pdf.weapp.ts`.
 */
export async function openPassPdf(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const bytes = await fetchBinary(path);
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    if (tab) tab.location.href = url;
    else window.location.href = url;
  } catch (error) {
    tab?.close();
    throw error;
  }
}
