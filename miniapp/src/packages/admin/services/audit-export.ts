import type { AuditEntry } from './admin-api';

/** H5: the shown entries as a CSV file the browser saves. The WeChat build (`audit-export.weapp.ts`) has none. */
export const auditExportAvailable = true;

const quote = (value: string) => `"${value.replace(/"/g, '""')}"`;

export function auditCsv(entries: AuditEntry[]): string {
  const head = ['时间', '操作人', '角色', '操作', '对象类型', '对象编号', '变更前', '变更后'];
  const rows = entries.map((e) => [
    e.createdAt,
    e.actorName ?? '',
    e.actorRole,
    e.action,
    e.entityType,
    e.entityId,
    e.before ? JSON.stringify(e.before) : '',
    e.after ? JSON.stringify(e.after) : '',
  ]);
  // The byte-order mark makes Excel read the file as UTF-8.
  return `\ufeff${[head, ...rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

export async function downloadAuditCsv(entries: AuditEntry[]): Promise<void> {
  const url = URL.createObjectURL(new Blob([auditCsv(entries)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `审计日志-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
