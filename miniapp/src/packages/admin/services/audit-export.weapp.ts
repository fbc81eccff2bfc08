import type { AuditEntry } from './admin-api';

/** WeChat cannot save a CSV file; admins export from the browser version. */
export const auditExportAvailable = false;

export function downloadAuditCsv(_entries: AuditEntry[]): Promise<void> {
  return Promise.reject(new Error('请在电脑浏览器中导出'));
}
