import type { PassShareResult, PassView } from '@pass/shared';
import { encodeBase64, type Page } from '@pass/shared';
import { fetchBinary } from '@/services/binary';
import { pageQuery, queryPath, request } from '@/services/request';

export const passApi = {
  list: (cursor?: string | null, q?: string) =>
    request<Page<PassView>>(queryPath<'passList'>('/passes', { q, ...pageQuery({ cursor }) })),
  get: (id: string) => request<PassView>(`/passes/${id}`),
  pdfPath: (id: string) => `/passes/${id}/pdf`,
  /** 发送给司乘人员: the crew are texted where to open the pass. */
  share: (id: string) => request<PassShareResult>(`/passes/${id}/share`, { method: 'POST' }),
  /** The QR code as a data URL, which an <Image> shows and storage keeps for offline use. */
  qrDataUrl: async (id: string) =>
    `data:image/png;base64,${encodeBase64(new Uint8Array(await fetchBinary(`/passes/${id}/qr.png`)))}`,
};
