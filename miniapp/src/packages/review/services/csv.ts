import { fetchBinary } from '@/services/binary';
import { queryPath } from '@/services/request';

/** H5: the issued passes as a CSV file the browser saves. The WeChat build (`csv.weapp.ts`) has none. */
export const csvExportAvailable = true;

export async function downloadIssuedCsv(from: string, to: string): Promise<void> {
  const bytes = await fetchBinary(queryPath<'stats'>('/stats/issued.csv', { from, to }));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `签发明细-${from}-${to}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
