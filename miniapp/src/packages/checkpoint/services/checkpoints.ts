import { request } from '@/services/request';
import { readStored, writeStored } from '@/services/storage';
import type { CheckpointView } from '../types';

const key = 'checkpoint.list';

/** The staff member's checkpoint, from the server when it answers, else as last seen. */
export async function findCheckpoint(id: string | null): Promise<CheckpointView | undefined> {
  if (!id) return undefined;
  try {
    const list = await request<CheckpointView[]>('/checkpoints');
    writeStored(key, list);
    return list.find((c) => c.id === id);
  } catch {
    return readStored<CheckpointView[]>(key)?.find((c) => c.id === id);
  }
}
