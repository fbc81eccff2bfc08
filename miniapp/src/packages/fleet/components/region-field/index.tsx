import { Cascader } from '@nutui/nutui-react-taro';
import { regionFullName, regionPath } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { useMemo, useState } from 'react';
import { FormField, type FormFieldProps } from '@/components/form-field';
import { regionOptions } from '../../utils/regions';
import './index.scss';

export interface RegionFieldProps extends Omit<FormFieldProps, 'children'> {
  /** A county-level GB/T 2260 code, or '' when none is chosen yet. */
  value: string;
  onChange: (countyCode: string) => void;
  placeholder?: string;
}

/** Province → city → county, as the pass requires its places (始发地, 目的地, 途经). */
export function RegionField({ value, onChange, placeholder = '请选择省/市/区县', ...field }: RegionFieldProps) {
  const [open, setOpen] = useState(false);
  const options = useMemo(regionOptions, []);
  const path = useMemo(() => (value ? regionPath(value).map((r) => r.code) : []), [value]);

  return (
    <FormField {...field}>
      <View className='region-field' onClick={() => setOpen(true)} data-testid={field.testId && `${field.testId}-open`}>
        <Text className={value ? 'region-field__value' : 'region-field__placeholder'}>
          {value ? (regionFullName(value) ?? value) : placeholder}
        </Text>
        <Text className='region-field__arrow'>›</Text>
      </View>
      <Cascader
        visible={open}
        title={`选择${field.label}`}
        options={options}
        value={path}
        closeable
        activeColor='#1f7a4d'
        onClose={() => setOpen(false)}
        onChange={(chosen) => {
          const county = chosen[chosen.length - 1];
          if (county !== undefined) onChange(String(county));
          setOpen(false);
        }}
      />
    </FormField>
  );
}
