import { Popup } from '@nutui/nutui-react-taro';
import { normalisePlate, plateProvinces } from '@pass/shared';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { FormField, type FormFieldProps } from '@/components/form-field';
import './index.scss';

export interface PlateInputProps extends Omit<FormFieldProps, 'children'> {
  /** The whole plate, 苏A12345. */
  value: string;
  onChange: (plate: string) => void;
  onBlur?: () => void;
  /** Abbreviation offered when the plate is still empty, e.g. the enterprise's own province. */
  defaultProvince: string;
}

function splitPlate(plate: string, fallbackProvince: string): [string, string] {
  const first = plate.slice(0, 1);
  return plateProvinces.includes(first) && first !== '' ? [first, plate.slice(1)] : [fallbackProvince, plate];
}

/**
 * The province abbreviation is picked from a grid (a phone keyboard has no quick way to type 苏), the
 * rest is typed and upper-cased as it goes, with spaces and dots dropped.
 */
export function PlateInput({ value, onChange, onBlur, defaultProvince, ...field }: PlateInputProps) {
  const [picking, setPicking] = useState(false);
  const [province, rest] = splitPlate(value, defaultProvince);

  const update = (nextProvince: string, nextRest: string) => {
    const cleaned = normalisePlate(nextRest).slice(0, 8);
    onChange(cleaned ? `${nextProvince}${cleaned}` : '');
    return cleaned;
  };

  return (
    <FormField {...field}>
      <View className='plate-input'>
        <View
          className='plate-input__province'
          role='button'
          aria-role='button'
          aria-label={`车牌省份简称：${province}，点击更换`}
          onClick={() => setPicking(true)}
          data-testid={field.testId && `${field.testId}-province`}
        >
          <Text>{province}</Text>
          <Text className='plate-input__caret'>▾</Text>
        </View>
        <Input
          className='plate-input__rest'
          value={rest}
          maxlength={9}
          placeholder='A12345'
          placeholderClass='text-field__placeholder'
          onInput={(event) => update(province, event.detail.value)}
          onBlur={() => onBlur?.()}
        />
      </View>
      <Popup
        visible={picking}
        position='bottom'
        round
        title='选择车牌省份简称'
        closeable
        onClose={() => setPicking(false)}
      >
        <View className='plate-input__grid'>
          {plateProvinces.split('').map((abbreviation) => (
            <View
              key={abbreviation}
              className={`plate-input__key ${abbreviation === province ? 'plate-input__key--selected' : ''}`}
              role='radio'
              aria-role='radio'
              aria-checked={abbreviation === province}
              onClick={() => {
                update(abbreviation, rest);
                setPicking(false);
              }}
            >
              <Text>{abbreviation}</Text>
            </View>
          ))}
        </View>
      </Popup>
    </FormField>
  );
}
