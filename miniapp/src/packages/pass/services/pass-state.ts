import type { PassView } from '@pass/shared';
import { chinaToday, passStatusNames } from '@pass/shared';
import { ApiError, NetworkError } from '@/services/request';

export type PassTone = 'valid' | 'pending' | 'invalid';

/** What the pass is today, also for a copy downloaded days ago: the dates decide, not the old status. */
export function passStanding(pass: PassView, today = chinaToday()): { tone: PassTone; text: string } {
  if (pass.status !== 'active') return { tone: 'invalid', text: passStatusNames[pass.status] };
  if (today < pass.validFrom) return { tone: 'pending', text: `尚未生效（${pass.validFrom}起）` };
  if (today > pass.validTo) return { tone: 'invalid', text: passStatusNames.expired };
  return { tone: 'valid', text: '有效' };
}

/** The request never reached the server: showing the last download is better than nothing. */
export const isOffline = (error: unknown) => error instanceof ApiError && error.code === NetworkError;
