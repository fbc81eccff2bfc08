import type { AccountView, Role, z } from '@pass/shared';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { showFailure } from '@/utils/messages';
import { useRolePage } from './use-role-page';
import { type SchemaFormOptions, useSchemaForm } from './use-schema-form';

export interface EntityFormOptions<Values, Schema extends z.ZodType, Extra> extends SchemaFormOptions<Values, Schema> {
  /** Only this role may open the form (others see 无权 and go to their home). */
  role: Role;
  /** The page's title while editing (`?id=`); the page config holds the one for a new entity. */
  editTitle?: string;
  /** The entity named by `?id=`, as form values; loaded once, so edits survive a trip to another page. */
  load?: (id: string) => Promise<Values>;
  /** What the form shows besides the entity (choices, defaults), loaded each time the page shows. */
  extra?: (account: AccountView, id: string | undefined) => Promise<Extra>;
  /** Creates (`id` undefined) or updates the entity. */
  save: (checked: z.output<Schema>, id: string | undefined) => Promise<unknown>;
  /** Deletes the entity after the user confirms `title` / `content`. */
  remove?: { title: string; content: string; run: (id: string) => Promise<unknown> };
  /** A toast when the user's input does not pass the schema (long forms, where the red field may be off screen). */
  invalidHint?: string;
  /**
   * What the form holds besides the schema's fields (a chosen document), checked first: false keeps it
   * from being saved, while the fields still show their messages.
   */
  check?: () => boolean;
}

/**
 * A page that creates or edits (`?id=`) one entity: the role guard, the schema-checked form, loading the
 * entity, saving (server field messages under their fields, otherwise a modal) and deleting after a
 * confirmation; both go back to the previous page once done.
 */
export function useEntityForm<Values extends Record<string, unknown>, Schema extends z.ZodType, Extra = undefined>(
  options: EntityFormOptions<Values, Schema, Extra>,
) {
  const id = useRouter().params.id || undefined;
  const form = useSchemaForm(options);
  const [busy, setBusy] = useState(false);
  const loaded = useRef(false);
  const page = useRolePage(options.role, async (account) => {
    if (id && options.load && !loaded.current) {
      if (options.editTitle) Taro.setNavigationBarTitle({ title: options.editTitle });
      form.setValues(await options.load(id));
      loaded.current = true;
    }
    return options.extra ? options.extra(account, id) : undefined;
  });

  const save = async () => {
    const ready = options.check ? options.check() : true;
    const checked = form.validate();
    if (!checked) {
      if (options.invalidHint) Taro.showToast({ title: options.invalidHint, icon: 'none' });
      return;
    }
    if (!ready) return;
    setBusy(true);
    try {
      await options.save(checked, id);
      // The toast outlives the page, so the list is back at once.
      Taro.showToast({ title: '已保存', icon: 'success' });
      await Taro.navigateBack();
    } catch (error) {
      if (!form.showServerErrors(error)) showFailure('未能保存', error);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    const removal = options.remove;
    if (!id || !removal) return;
    const { confirm } = await Taro.showModal({ title: removal.title, content: removal.content });
    if (!confirm) return;
    setBusy(true);
    try {
      await removal.run(id);
      await Taro.navigateBack();
    } catch (error) {
      showFailure('未能删除', error);
    } finally {
      setBusy(false);
    }
  };

  return { ...form, id, editing: id !== undefined, busy, page, extra: page.data as Extra | undefined, save, remove };
}
