import { Text, View } from '@tarojs/components';
import './index.scss';

export interface DayStepperProps {
  value: number;
  max: number;
  onChange: (days: number) => void;
}

/** A number of days from 1 to `max` with thumb-sized − and + (NutUI's stepper is too small to hit). */
export function DayStepper({ value, max, onChange }: DayStepperProps) {
  const step = (delta: number) => onChange(Math.min(Math.max(value + delta, 1), max));
  return (
    <View className='day-stepper' data-testid='day-stepper'>
      <View
        className={`day-stepper__button ${value <= 1 ? 'day-stepper__button--disabled' : ''}`}
        role='button'
        aria-role='button'
        aria-disabled={value <= 1}
        onClick={() => step(-1)}
        aria-label='减少一天'
      >
        <Text>−</Text>
      </View>
      <Text className='day-stepper__value'>{value} 天</Text>
      <View
        className={`day-stepper__button ${value >= max ? 'day-stepper__button--disabled' : ''}`}
        role='button'
        aria-role='button'
        aria-disabled={value >= max}
        onClick={() => step(1)}
        aria-label='增加一天'
      >
        <Text>+</Text>
      </View>
    </View>
  );
}
