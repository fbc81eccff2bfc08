import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { ageText } from '@/utils/format';
import type { Bundle } from '../services/bundle';

const staleAfterMs = 24 * 3_600_000;
const isStale = (generatedAt: string | undefined) =>
  !generatedAt || Date.now() - Date.parse(generatedAt) > staleAfterMs;

export interface BundleCardProps {
  bundle: Bundle | undefined;
  syncing: boolean;
  failure: string;
  onSync: () => void;
}

/** How old the offline data is, and the button to refresh it. */
export function BundleCard({ bundle, syncing, failure, onSync }: BundleCardProps) {
  const stale = !bundle || Date.now() - Date.parse(bundle.syncedAt) > staleAfterMs;
  return (
    <View className='card'>
      <View className='card__header'>
        <Text className='card__title'>离线核验数据</Text>
        <Button size='small' type='primary' fill='outline' loading={syncing} disabled={syncing} onClick={onSync}>
          立即同步
        </Button>
      </View>
      <View
        className={`checkpoint-home__bundle ${stale ? 'checkpoint-home__bundle--stale' : ''}`}
        data-testid='bundle-status'
      >
        {bundle ? (
          <Text>
            {ageText(bundle.syncedAt)}同步 · 撤销名单第{bundle.statusList.version}版 · 签发密钥
            {bundle.trustList.keys.length}个
          </Text>
        ) : (
          <Text>尚未同步：断网时将无法核验，请联网同步</Text>
        )}
      </View>
      {bundle?.federation?.issuers.map((issuer) => (
        <Text
          key={issuer.issuerRegion}
          className={`checkpoint-home__bundle ${isStale(issuer.statusList?.generatedAt) ? 'checkpoint-home__bundle--stale' : ''}`}
          data-testid='bundle-issuer'
        >
          外省：{issuer.issuerName} · 撤销名单
          {issuer.statusList ? `${ageText(issuer.statusList.generatedAt)}生成` : '尚未获取'}
        </Text>
      ))}
      {stale && bundle && (
        <Text className='error-text' data-testid='bundle-stale'>
          离线数据已超过24小时未更新，可能未包含最近撤销的通行证。请联网后点“立即同步”；同步前遇可疑车辆，请按证件编号联网核验或联系发证单位。
        </Text>
      )}
      {failure && (
        <Text className='error-text' data-testid='sync-error'>
          {failure}
        </Text>
      )}
    </View>
  );
}
