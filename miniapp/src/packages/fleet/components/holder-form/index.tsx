import type { AttachmentKind, z } from '@pass/shared';
import { useRef } from 'react';
import { FormActions } from '@/components/form-actions';
import { Section } from '@/components/section';
import { type EntityFormOptions, useEntityForm } from '@/hooks/use-entity-form';
import { cachedProvinceSettings } from '@/services/province-settings';
import { HeldDocumentField, type HeldDocumentState, useHeldDocument } from '../held-document-field';

export interface HolderFormOptions<Values, Schema extends z.ZodType, Extra>
  extends Omit<EntityFormOptions<Values, Schema, Extra>, 'load' | 'save' | 'check'> {
  /** The register's requests: a record is created, or updated once it has an id. */
  api: {
    create: (record: z.output<Schema>) => Promise<{ id: string }>;
    update: (id: string, record: z.output<Schema>) => Promise<{ id: string }>;
  };
  /** The record named by `?id=`, as form values. */
  load: (id: string) => Promise<Values>;
  /** Which of an upload's holders the record is: a vehicle, or a person. */
  holder: 'vehicleId' | 'driverId';
  /** The document the record holds, as the form stands (a person's follows their role). */
  documentKind: (values: Values) => AttachmentKind;
}

/**
 * A register's record (a vehicle, a person) created or edited (`?id=`) with the document it holds
 * (行驶证, 驾驶证, 押运员证): the entity form, the document loaded beside the record, checked with the
 * fields, and uploaded for the record once it is saved. The page ends with `<HolderFormEnd form={form} />`.
 */
export function useHolderForm<Values extends Record<string, unknown>, Schema extends z.ZodType, Extra = undefined>({
  api,
  load,
  holder,
  documentKind,
  ...options
}: HolderFormOptions<Values, Schema, Extra>) {
  const document = useHeldDocument();
  /** A new record saved while its document failed to upload: saving again updates it. */
  const created = useRef<string>();
  const form = useEntityForm<Values, Schema, Extra>({
    ...options,
    load: async (id) => {
      const [values] = await Promise.all([load(id), document.load((doc) => doc[holder] === id)]);
      return values;
    },
    save: async (record, id) => {
      const target = id ?? created.current;
      const saved = target ? await api.update(target, record) : await api.create(record);
      created.current = saved.id;
      await document.save(documentKind(form.values), { [holder]: saved.id });
    },
    // The document's own check first, so a wrong expiry keeps the record from being saved alone.
    check: document.check,
  });
  const kind = documentKind(form.values);
  const required = cachedProvinceSettings()?.settings.requiredAttachments.includes(kind) ?? false;
  return { ...form, heldDocument: { kind, required, document } };
}

/** What the end of the form needs of `useHolderForm`'s answer. */
interface HolderFormState {
  heldDocument: { kind: AttachmentKind; required: boolean; document: HeldDocumentState };
  busy: boolean;
  editing: boolean;
  save: () => void;
  remove: () => void;
}

/** The end of a register record's form: the document it holds, then 删除 (while editing) and 保存. */
export function HolderFormEnd({ form }: { form: HolderFormState }) {
  return (
    <>
      <Section title='证件'>
        <HeldDocumentField {...form.heldDocument} />
      </Section>
      <FormActions busy={form.busy} onSave={form.save} onRemove={form.editing ? form.remove : undefined} />
    </>
  );
}
