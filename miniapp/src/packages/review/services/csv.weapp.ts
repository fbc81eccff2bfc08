/** WeChat cannot open a CSV file; officials export it from the browser version. */
export const csvExportAvailable = false;

export function downloadIssuedCsv(_from: string, _to: string): Promise<void> {
  return Promise.reject(new Error('请在电脑浏览器中导出'));
}
