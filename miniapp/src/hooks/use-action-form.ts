import type { z } from '@pass/shared';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { showFailure } from '@/utils/messages';
import { type SchemaFormOptions, useSchemaForm } from './use-schema-form';

export interface ActionFormOptions<Values, Schema extends z.ZodType> extends SchemaFormOptions<Values, Schema> {
  /** Sends the checked input. */
  run: (checked: z.output<Schema>) => Promise<unknown>;
  /** The toast once it is done, e.g. 已分配. */
  done: string;
  /** The title of the modal that explains a refusal, e.g. 未能分配. */
  failure: string;
  /** The values after success (fields that stay filled for the next entry keep theirs). */
  reset: (values: Values) => Values;
  /** Runs after success, e.g. reloading the page's list. */
  after?: () => Promise<unknown>;
}

/**
 * A form on a page that does one thing with what it holds (allocate a quota, add a blacklist entry):
 * checked by a shared schema; on success a toast, the form reset and `after`; a refusal shows the
 * server's field messages under their fields and its message in a modal.
 */
export function useActionForm<Values extends Record<string, unknown>, Schema extends z.ZodType>(
  options: ActionFormOptions<Values, Schema>,
) {
  const form = useSchemaForm(options);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const checked = form.validate();
    if (!checked) return;
    setBusy(true);
    try {
      await options.run(checked);
      form.reset(options.reset(form.values));
      Taro.showToast({ title: options.done, icon: 'success' });
      await options.after?.();
    } catch (error) {
      form.showServerErrors(error);
      showFailure(options.failure, error);
    } finally {
      setBusy(false);
    }
  };

  return { ...form, busy, submit };
}
