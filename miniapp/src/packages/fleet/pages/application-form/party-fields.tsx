import { Text, View } from '@tarojs/components';
import { TextField } from '@/components/text-field';
import type { PartyValues } from './form-values';

export interface PartyFieldsProps {
  /** `consignor` or `consignee`: the schema path and test id prefix. */
  path: 'consignor' | 'consignee';
  value: PartyValues;
  onChange: (party: PartyValues) => void;
  onBlur: (path: string) => void;
  errorOf: (path: string) => string | undefined;
  onFillOwn?: () => void;
}

/** 发货单位 or 收货单位: name, address, contact. */
export function PartyFields({ path, value, onChange, onBlur, errorOf, onFillOwn }: PartyFieldsProps) {
  const field = (key: keyof PartyValues) => ({
    testId: `${path}-${key}`,
    value: value[key],
    onChange: (next: string) => onChange({ ...value, [key]: next }),
    onBlur: () => onBlur(`${path}.${key}`),
    error: errorOf(`${path}.${key}`),
  });
  return (
    <View>
      {onFillOwn && (
        <View
          className='party-fields__own'
          role='button'
          aria-role='button'
          tabIndex={0}
          onClick={onFillOwn}
          data-testid={`${path}-fill-own`}
        >
          <Text>＋ 填入本企业信息</Text>
        </View>
      )}
      <TextField label='单位名称' required maxlength={100} {...field('name')} />
      <TextField label='地址' required maxlength={200} {...field('address')} />
      <TextField label='联系人' required maxlength={30} {...field('contactName')} />
      <TextField
        label='联系电话'
        required
        maxlength={20}
        hint='手机号码，或带区号的固定电话'
        {...field('contactPhone')}
      />
    </View>
  );
}
