import { Cascader } from '@nutui/nutui-react-taro';
import { regionFullName, regionPath } from '@pass/shared';
import { useMemo, useState } from 'react';
import type { FormFieldProps } from '@/components/form-field';
import { regionOptions } from '../../utils/regions';
import { PickerField } from '../picker-field';

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
    <PickerField
      {...field}
      text={value ? (regionFullName(value) ?? value) : undefined}
      placeholder={placeholder}
      onOpen={() => setOpen(true)}
    >
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
    </PickerField>
  );
}
