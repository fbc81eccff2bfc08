import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';

export interface FormActionsProps {
  busy: boolean;
  onSave: () => void;
  /** Offered only while editing an existing entity. */
  onRemove?: () => void;
  className?: string;
}

/** The buttons under an entity form: 删除 (when editing) and 保存. */
export function FormActions({ busy, onSave, onRemove, className = 'action-bar' }: FormActionsProps) {
  return (
    <View className={className}>
      {onRemove && (
        <Button fill='outline' type='danger' size='large' disabled={busy} onClick={onRemove}>
          删除
        </Button>
      )}
      <Button type='primary' size='large' loading={busy} disabled={busy} onClick={onSave}>
        保存
      </Button>
    </View>
  );
}
