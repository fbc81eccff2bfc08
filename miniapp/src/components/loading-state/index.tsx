import { Text } from '@tarojs/components';
import { Screen } from '@/components/screen';

/** What a page shows until its data is there: 正在加载…, or why it could not be loaded. */
export function LoadingState({
  error,
  className = 'screen',
  errorTestId,
}: {
  error: string | undefined;
  className?: string;
  errorTestId?: string;
}) {
  return (
    <Screen className={className}>
      <Text className={error ? 'error-text' : 'muted'} data-testid={error ? errorTestId : undefined}>
        {error ?? '正在加载…'}
      </Text>
    </Screen>
  );
}
