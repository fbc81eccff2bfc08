import { Text, View } from '@tarojs/components';
import './index.scss';

export interface CounterTileProps {
  label: string;
  value: string;
  /** `alert` when the number calls for action (overdue work). */
  tone?: 'normal' | 'alert' | 'muted';
  testId?: string;
  onClick?: () => void;
}

/** One big number of the official's home. */
export function CounterTile({ label, value, tone = 'normal', testId, onClick }: CounterTileProps) {
  return (
    <View
      className={`counter-tile counter-tile--${tone}`}
      role={onClick ? 'button' : undefined}
      aria-role={onClick ? 'button' : undefined}
      data-testid={testId}
      onClick={onClick}
    >
      <Text className='counter-tile__value'>{value}</Text>
      <Text className='counter-tile__label'>{label}</Text>
    </View>
  );
}
