import { maxScanBatch, type ScanRecord, type ScanUploadResult } from '@pass/shared';
import { request } from '@/services/request';
import { readStored, writeStored } from '@/services/storage';
import { uuidV4 } from './uuid';

/** A scan as this device keeps it: the record the server takes, the plate to list it by, and whether it went up. */
export interface LocalScan extends ScanRecord {
  plate?: string;
  uploaded: boolean;
}

const key = 'checkpoint.scans';
/** Uploaded records kept for the history screen; pending ones are never dropped. */
const keepUploaded = 300;

export function loadScans(): LocalScan[] {
  const scans = readStored<LocalScan[]>(key);
  return Array.isArray(scans) ? scans : [];
}

function saveScans(scans: LocalScan[]): void {
  const pending = scans.filter((s) => !s.uploaded);
  const uploaded = scans.filter((s) => s.uploaded).slice(0, keepUploaded);
  const kept = new Set([...pending, ...uploaded]);
  writeStored(
    key,
    scans.filter((s) => kept.has(s)),
  );
}

export const pendingCount = () => loadScans().filter((s) => !s.uploaded).length;

/** Saves a scan on the device first, newest first; uploading is separate and may come much later. */
export function recordScan(scan: Omit<ScanRecord, 'id' | 'scannedAt'> & { plate?: string }): LocalScan {
  const local: LocalScan = { ...scan, id: uuidV4(), scannedAt: new Date().toISOString(), uploaded: false };
  saveScans([local, ...loadScans()]);
  return local;
}

let uploading: Promise<number> | null = null;

async function uploadAll(): Promise<number> {
  let sent = 0;
  for (;;) {
    const batch = loadScans()
      .filter((s) => !s.uploaded)
      .slice(0, maxScanBatch);
    if (batch.length === 0) return sent;
    const records: ScanRecord[] = batch.map(({ plate: _plate, uploaded: _uploaded, ...record }) => record);
    // Idempotent: a batch whose answer was lost is stored once when sent again.
    await request<ScanUploadResult>('/scans', { method: 'POST', data: { records } });
    const done = new Set(batch.map((s) => s.id));
    saveScans(loadScans().map((s) => (done.has(s.id) ? { ...s, uploaded: true } : s)));
    sent += batch.length;
  }
}

/** Uploads every pending scan in batches; resolves with how many went up, rejects with `ApiError`. */
export function uploadPending(): Promise<number> {
  uploading ??= uploadAll().finally(() => {
    uploading = null;
  });
  return uploading;
}
