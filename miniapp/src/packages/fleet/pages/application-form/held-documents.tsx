import { Button } from '@nutui/nutui-react-taro';
import { type AttachmentView, attachmentKindNames, type DocumentNeed, type DocumentProblem } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { routes, withQuery } from '@/services/routes';

/**
 * The vehicle's 行驶证 and the crew's licences, as they are held on their records: provided (with
 * expiry) or not, and what keeps them from covering the validity asked for, with a way to update them.
 */
export function HeldDocuments({
  documents,
  problems,
  onOpen,
}: {
  documents: { need: DocumentNeed; document: AttachmentView | undefined }[];
  problems: DocumentProblem[];
  onOpen: (url: string) => void;
}) {
  if (documents.length === 0) return <Text className='muted'>选择车辆和司乘人员后显示其证件</Text>;
  return (
    <View className='held-documents'>
      {documents.map(({ need, document }) => {
        const problem = problems.find((p) => p.need === need);
        const form = need.holder === 'vehicle' ? routes.vehicleForm : routes.driverForm;
        const state = document?.expiresOn ? `已提供 · 有效期至 ${document.expiresOn}` : '未上传';
        if (!document && !need.required && !problem) return null;
        return (
          <View key={`${need.holderId}-${need.kind}`} className='held-documents__row' data-testid='held-document'>
            <View className='held-documents__text'>
              <Text>
                {need.who} · {attachmentKindNames[need.kind]}
              </Text>
              <Text className={problem ? 'error-text' : 'muted'}>{problem?.message ?? state}</Text>
            </View>
            {(problem || !document) && (
              <Button
                size='small'
                fill='outline'
                type='primary'
                onClick={() => onOpen(withQuery(form, { id: need.holderId }))}
              >
                {document ? '更新' : '上传'}
              </Button>
            )}
          </View>
        );
      })}
    </View>
  );
}
