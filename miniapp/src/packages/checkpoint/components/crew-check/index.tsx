import { Button } from '@nutui/nutui-react-taro';
import {
  type CrewCheck as CrewCheckResult,
  type CrewRole,
  checkCrewIdNumber,
  crewRoleNames,
  maskedInitial,
  type PassCrewClaim,
} from '@pass/shared';
import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import './index.scss';

const roleName = (role: CrewRole) => crewRoleNames[role] ?? '司乘人员';

/**
 * 核对司乘人员: the officer types (or scans, with a scanner that ends with Enter) the ID number on the
 * card in front of them, and the pass's salted digests say 一致 or 不一致, with no network.
 */
export function CrewCheck({ passNumber, crew }: { passNumber: string; crew: PassCrewClaim[] }) {
  const [input, setInput] = useState('');
  const [result, setResult] = useState<CrewCheckResult>();

  const check = (value = input) => setResult(checkCrewIdNumber(passNumber, crew, value));

  return (
    <View className='crew-check' data-testid='crew-check'>
      <Text className='crew-check__title'>核对司乘人员</Text>
      <View className='crew-check__people'>
        {crew.map((person) => (
          <Text key={`${person.role}-${person.idDigest}`} className='crew-check__person' data-testid='crew-person'>
            {roleName(person.role)} {maskedInitial(person)}
          </Text>
        ))}
      </View>
      <View className='crew-check__row'>
        <View className='crew-check__field' data-testid='crew-id-input'>
          <Input
            className='crew-check__input'
            type='idcard'
            value={input}
            maxlength={24}
            confirmType='done'
            placeholder='输入或扫描身份证号码'
            onInput={(event) => {
              setInput(event.detail.value);
              setResult(undefined);
            }}
            onConfirm={(event) => check(event.detail.value)}
          />
        </View>
        <Button type='primary' onClick={() => check()}>
          核对
        </Button>
      </View>
      {result && !result.ok && (
        <Text
          className='crew-check__result crew-check__result--invalid'
          data-testid='crew-check-result'
          data-match='invalid'
        >
          {result.message}
        </Text>
      )}
      {result?.ok &&
        (result.matches.length > 0 ? (
          <Text
            className='crew-check__result crew-check__result--match'
            data-testid='crew-check-result'
            data-match='yes'
          >
            ✔ 一致：{result.matches.map((m) => `${roleName(m.role)} ${maskedInitial(m)}`).join('、')}
          </Text>
        ) : (
          <Text
            className='crew-check__result crew-check__result--mismatch'
            data-testid='crew-check-result'
            data-match='no'
          >
            ✘ 不一致：此身份证号码不是通行证上的司乘人员
          </Text>
        ))}
    </View>
  );
}
