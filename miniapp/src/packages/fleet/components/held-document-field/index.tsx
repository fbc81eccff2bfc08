import { Button, Progress } from '@nutui/nutui-react-taro';
import {
  type AttachmentKind,
  type AttachmentView,
  attachmentKindNames,
  chinaToday,
  expiryDateIssue,
  maxAttachmentBytes,
} from '@pass/shared';
import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FormField } from '@/components/form-field';
import { TextField } from '@/components/text-field';
import { type ChosenFile, chooseAttachmentFile } from '../../services/choose-file';
import { attachmentsApi, type DocumentHolding } from '../../services/fleet-api';
import './index.scss';

/**
 * A document the vehicle or person holds (行驶证, 驾驶证, 押运员证): the current one and its expiry,
 * and a replacement chosen here and uploaded once the record is saved (a new vehicle has no id before).
 */
export function useHeldDocument() {
  /** The holder's current documents (one per kind). */
  const [held, setHeld] = useState<AttachmentView[]>([]);
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [expiresOn, setExpiresOn] = useState('');
  const [error, setError] = useState<string>();
  const [percent, setPercent] = useState<number | null>(null);

  const choose = async () => {
    const chosen = await chooseAttachmentFile();
    if (!chosen) return;
    if (chosen.size > maxAttachmentBytes) {
      setError(`文件不能超过${maxAttachmentBytes / 1024 / 1024}MB，请压缩后重试`);
      return;
    }
    setError(undefined);
    setFile(chosen);
  };

  return {
    held,
    file,
    expiresOn,
    error,
    percent,
    choose,
    cancel: () => {
      setFile(null);
      setError(undefined);
    },
    changeExpiry: (value: string) => {
      setExpiresOn(value);
      setError(undefined);
    },
    /** The holder's current documents, from the enterprise's list. */
    load: async (isHolder: (doc: AttachmentView) => boolean) => setHeld((await attachmentsApi.held()).filter(isHolder)),
    /** Whether what was chosen can be saved; shows why not under the field. */
    check: (): boolean => {
      const issue = file ? expiryDateIssue(expiresOn, chinaToday()) : undefined;
      setError(issue);
      return !issue;
    },
    /** Uploads the chosen file for its (saved) holder; nothing when none was chosen. */
    save: async (kind: AttachmentKind, holding: Omit<DocumentHolding, 'expiresOn'>) => {
      if (!file) return;
      setPercent(0);
      try {
        const uploaded = await attachmentsApi.upload(kind, file.path, file.name, setPercent, { ...holding, expiresOn });
        setHeld((docs) => [...docs.filter((doc) => doc.kind !== kind), uploaded]);
        setFile(null);
        setExpiresOn('');
      } finally {
        setPercent(null);
      }
    },
  };
}

export type HeldDocumentState = ReturnType<typeof useHeldDocument>;

/** Taro's date picker takes no year beyond its `end`; licences run up to ten years and more. */
const pickerEnd = '2099-12-31';

export function HeldDocumentField({
  kind,
  required,
  document,
}: {
  kind: AttachmentKind;
  required: boolean;
  document: HeldDocumentState;
}) {
  const name = attachmentKindNames[kind];
  const { file, expiresOn, error, percent } = document;
  const current = document.held.find((doc) => doc.kind === kind);
  const today = chinaToday();
  const expired = current?.expiresOn ? current.expiresOn < today : false;
  return (
    <FormField
      label={name}
      required={required}
      bare
      testId={`held-${kind}`}
      hint={`上传一次，之后每次申请通用；${required ? '本省申请必需' : '选填'}`}
      error={file ? undefined : error}
    >
      <View className='held-document'>
        {current && (
          <View className='held-document__current' data-testid='held-current'>
            <Text className='held-document__name'>{current.originalName}</Text>
            <Text className={expired ? 'error-text' : 'muted'}>
              有效期至 {current.expiresOn}
              {expired ? '（已过期）' : ''}
            </Text>
          </View>
        )}
        {file ? (
          <View className='held-document__pending' data-testid='held-pending'>
            <View className='held-document__row'>
              <Text className='held-document__name'>待保存：{file.name}</Text>
              <Text className='held-document__cancel' onClick={document.cancel}>
                取消
              </Text>
            </View>
            <TextField
              label={`${name}有效期至`}
              required
              testId={`held-${kind}-expires`}
              placeholder='如 2030-05-12'
              hint='按证件上的日期填写，或点“选择日期”'
              value={expiresOn}
              counter={false}
              onChange={document.changeExpiry}
              error={error}
            />
            <Picker
              mode='date'
              value={expiresOn || today}
              start={today}
              end={pickerEnd}
              onChange={(event) => document.changeExpiry(String(event.detail.value))}
            >
              <Text className='held-document__pick'>选择日期 ›</Text>
            </Picker>
            {percent !== null && <Progress percent={percent} showText />}
          </View>
        ) : (
          <Button size='small' fill='outline' type='primary' onClick={document.choose}>
            {current ? `更换${name}` : `上传${name}`}
          </Button>
        )}
      </View>
    </FormField>
  );
}
