/** `2022-05-20 14:03` in China time, whatever the phone's time zone. */
export function formatDateTime(iso: string): string {
  const china = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${china.slice(0, 10)} ${china.slice(11, 16)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** 刚刚 / 5分钟前 / 3小时前 / 2天前. */
export function ageText(iso: string | undefined, now = Date.now()): string {
  if (!iso) return '从未';
  const minutes = Math.floor((now - Date.parse(iso)) / 60_000);
  if (minutes < 1) return '刚刚';
  if (minutes < 60) return `${minutes}分钟前`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)}小时前`;
  return `${Math.floor(minutes / 1440)}天前`;
}
