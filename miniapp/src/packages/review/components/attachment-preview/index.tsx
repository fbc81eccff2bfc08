import { Button } from '@nutui/nutui-react-taro';
import { type AttachmentView, attachmentKindNames } from '@pass/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { localFileUrl, openPdf } from '@/services/files';
import { formatBytes } from '@/utils/format';
import { messageOf } from '@/utils/messages';
import { reviewApi } from '../../services/review-api';
import './index.scss';

/**
 * One supporting document: an image shown inline (tap to enlarge), a PDF opened on request. A document
 * the vehicle or a person holds says whose it is and until when it is valid.
 */
export function AttachmentPreview({
  applicationId,
  attachment,
  holder,
}: {
  applicationId: string;
  attachment: AttachmentView;
  /** `苏A·12345`, `驾驶员周师傅`. */
  holder?: string;
}) {
  const path = reviewApi.attachmentPath(applicationId, attachment.id);
  const isPdf = attachment.mimeType === 'application/pdf';
  const [url, setUrl] = useState<string>();
  const [failure, setFailure] = useState('');
  const [opening, setOpening] = useState(false);

  useEffect(() => {
    if (isPdf) return;
    let live = true;
    localFileUrl(path, attachment.mimeType).then(
      (local) => live && setUrl(local),
      (error) => live && setFailure(messageOf(error, '文件打开失败，请稍后重试')),
    );
    return () => {
      live = false;
    };
  }, [path, isPdf, attachment.mimeType]);

  const open = async () => {
    setOpening(true);
    setFailure('');
    try {
      await openPdf(path);
    } catch (error) {
      setFailure(messageOf(error, '文件打开失败，请稍后重试'));
    } finally {
      setOpening(false);
    }
  };

  return (
    <View className='attachment-preview' data-testid='attachment'>
      <View className='attachment-preview__head'>
        <Text className='attachment-preview__kind'>
          {holder ? `${holder} · ` : ''}
          {attachmentKindNames[attachment.kind]}
        </Text>
        <Text className='attachment-preview__meta'>
          {isPdf ? 'PDF' : '图片'} · {formatBytes(attachment.sizeBytes)}
        </Text>
      </View>
      <Text className='attachment-preview__name'>{attachment.originalName}</Text>
      {attachment.expiresOn && (
        <Text className='attachment-preview__expiry' data-testid='attachment-expiry'>
          有效期至 {attachment.expiresOn}
        </Text>
      )}
      {isPdf ? (
        <Button size='small' type='primary' fill='outline' loading={opening} onClick={open}>
          打开PDF
        </Button>
      ) : url ? (
        <View
          className='attachment-preview__open'
          role='button'
          aria-role='button'
          aria-label={`放大查看${attachment.originalName}`}
          onClick={() => Taro.previewImage({ urls: [url], current: url })}
        >
          <Image
            className='attachment-preview__image'
            src={url}
            mode='widthFix'
            aria-label={attachment.originalName}
            nativeProps={{ alt: attachment.originalName }}
            data-testid='attachment-image'
          />
        </View>
      ) : (
        !failure && <Text className='muted'>正在加载图片…</Text>
      )}
      {failure && <Text className='error-text'>{failure}</Text>}
    </View>
  );
}
