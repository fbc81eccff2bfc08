import { Text, View } from '@tarojs/components';
import './index.scss';

/** A line under a form leading elsewhere: a short prompt and the tappable words (企业注册, 返回账号登录). */
export function LinkRow({
  prompt,
  action,
  onTap,
  testId,
}: {
  prompt?: string;
  action: string;
  onTap: () => void;
  testId?: string;
}) {
  return (
    <View className='link-row' role='button' aria-role='button' onClick={onTap} data-testid={testId}>
      {prompt && <Text className='muted'>{prompt}</Text>}
      <Text className='link-row__action'>{action}</Text>
    </View>
  );
}
