import { Button, Progress } from '@nutui/nutui-react-taro';
import { type AttachmentKind, type AttachmentView, attachmentKindNames, maxAttachmentBytes } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { formatBytes } from '@/utils/format';
import { messageOf } from '@/utils/messages';
import { chooseAttachmentFile } from '../../services/choose-file';
import { attachmentsApi } from '../../services/fleet-api';
import './index.scss';

export interface AttachmentUploaderProps {
  kind: AttachmentKind;
  required: boolean;
  /** This kind's files already on the application. */
  attachments: AttachmentView[];
  onUploaded: (attachment: AttachmentView) => void;
  onRemove: (id: string) => void;
  error?: string;
}

interface Upload {
  name: string;
  percent: number;
}

/** One kind of supporting document: its files, and an upload button with progress. */
export function AttachmentUploader({
  kind,
  required,
  attachments,
  onUploaded,
  onRemove,
  error,
}: AttachmentUploaderProps) {
  const [upload, setUpload] = useState<Upload | null>(null);
  const [failure, setFailure] = useState('');

  const chooseAndUpload = async () => {
    setFailure('');
    const file = await chooseAttachmentFile();
    if (!file) return;
    if (file.size > maxAttachmentBytes) {
      setFailure(`文件不能超过${maxAttachmentBytes / 1024 / 1024}MB，请压缩后重试`);
      return;
    }
    setUpload({ name: file.name, percent: 0 });
    try {
      const attachment = await attachmentsApi.upload(kind, file.path, file.name, (percent) =>
        setUpload({ name: file.name, percent }),
      );
      onUploaded(attachment);
    } catch (e) {
      setFailure(messageOf(e, '上传失败，请重试'));
    } finally {
      setUpload(null);
    }
  };

  return (
    <View className='attachment-uploader' data-testid={`attachment-${kind}`}>
      <View className='attachment-uploader__header'>
        <Text className='attachment-uploader__kind'>
          {attachmentKindNames[kind]}
          {required && <Text className='form-field__required'>*</Text>}
        </Text>
        <Button size='small' fill='outline' type='primary' disabled={upload !== null} onClick={chooseAndUpload}>
          {attachments.length ? '继续上传' : '上传'}
        </Button>
      </View>
      {attachments.map((attachment) => (
        <View key={attachment.id} className='attachment-uploader__file' data-testid='attachment-file'>
          <Text className='attachment-uploader__name'>
            {attachment.mimeType === 'application/pdf' ? 'PDF' : '图片'} · {attachment.originalName}
          </Text>
          <Text className='attachment-uploader__size'>{formatBytes(attachment.sizeBytes)}</Text>
          <View
            className='attachment-uploader__remove'
            role='button'
            aria-role='button'
            aria-label={`移除${attachment.originalName}`}
            onClick={() => onRemove(attachment.id)}
          >
            移除
          </View>
        </View>
      ))}
      {upload && (
        <View className='attachment-uploader__progress' data-testid='upload-progress'>
          <Text className='muted'>正在上传 {upload.name}</Text>
          <Progress percent={upload.percent} showText />
        </View>
      )}
      {(failure || error) && <Text className='error-text'>{failure || error}</Text>}
    </View>
  );
}
