import { useState } from 'react';
import { showFailure } from '@/utils/messages';

/**
 * What one button does on a page: `busy` while it runs (for the button's loading state), a refusal
 * shown in a modal titled `failure` (e.g. 操作未成功); success is the work's own business.
 */
export function useBusyAction() {
  const [busy, setBusy] = useState(false);

  const run = async (failure: string, work: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      showFailure(failure, error);
    } finally {
      setBusy(false);
    }
  };

  return { busy, run };
}
