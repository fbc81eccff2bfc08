import { Text, View } from '@tarojs/components';
import './index.scss';

export interface CareSwitchProps {
  on: boolean;
  onChange: (on: boolean) => void;
}

/** The switch of care mode (长辈模式): larger text and buttons. `useCareMode()` gives both props. */
export function CareSwitch({ on, onChange }: CareSwitchProps) {
  return (
    <View
      className={`care-switch ${on ? 'care-switch--on' : ''}`}
      role='switch'
      aria-role='switch'
      aria-checked={on}
      tabIndex={0}
      onClick={() => onChange(!on)}
      data-testid='care-switch'
    >
      <View className='care-switch__text'>
        <Text className='care-switch__title'>长辈模式</Text>
        <Text className='care-switch__hint'>更大的文字和按钮</Text>
      </View>
      <View className='care-switch__track'>
        <View className='care-switch__knob' />
      </View>
    </View>
  );
}
