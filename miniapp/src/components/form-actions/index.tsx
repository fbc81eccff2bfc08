import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';

export interface BarAction {
  label: string;
  /** Red, for what cannot be undone. */
  danger?: boolean;
  /** Outlined: the less likely choice next to the main one. */
  outline?: boolean;
  disabled?: boolean;
  loading?: boolean;
  onClick: () => void;
}

/** Large buttons at the bottom of a screen, in the order given; nothing when there are none. */
export function ActionBar({ actions, className = 'action-bar' }: { actions: BarAction[]; className?: string }) {
  if (actions.length === 0) return null;
  return (
    <View className={className}>
      {actions.map((action) => (
        <Button
          key={action.label}
          size='large'
          type={action.danger ? 'danger' : 'primary'}
          fill={action.outline ? 'outline' : 'solid'}
          disabled={action.disabled || action.loading}
          loading={action.loading}
          onClick={action.onClick}
        >
          {action.label}
        </Button>
      ))}
    </View>
  );
}

export interface FormActionsProps {
  busy: boolean;
  onSave: () => void;
  /** Offered only while editing an existing entity. */
  onRemove?: () => void;
  className?: string;
}

/** The buttons under an entity form: 删除 (when editing) and 保存. */
export function FormActions({ busy, onSave, onRemove, className }: FormActionsProps) {
  const remove: BarAction[] = onRemove
    ? [{ label: '删除', danger: true, outline: true, disabled: busy, onClick: onRemove }]
    : [];
  return <ActionBar className={className} actions={[...remove, { label: '保存', loading: busy, onClick: onSave }]} />;
}
