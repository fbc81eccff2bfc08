import type { ReviewDetail } from '@pass/shared';
import { blacklistKindNames } from '@pass/shared';
import { Text, View } from '@tarojs/components';

/** What should make an official stop and look: sanctions, the vehicle's other passes, an unverified firm. */
export function Risks({ detail }: { detail: ReviewDetail }) {
  const { blacklistHits, vehicleActivePasses, enterprise } = detail;
  const none = blacklistHits.length === 0 && vehicleActivePasses.length === 0 && !enterprise.suspendedUntil;
  if (none && enterprise.verified) {
    return (
      <View className='risk risk--clear' data-testid='risks'>
        <Text>未命中黑名单；该车辆无其他有效通行证。</Text>
      </View>
    );
  }
  return (
    <View className='risk-list' data-testid='risks'>
      {blacklistHits.map((hit) => (
        <View key={`${hit.kind}-${hit.label}`} className='risk risk--danger' data-testid='blacklist-hit'>
          <Text className='risk__title'>
            黑名单命中（{blacklistKindNames[hit.kind]}）：{hit.label}
          </Text>
          <Text>
            理由：{hit.reason}
            {hit.until ? `；至 ${hit.until}` : ''}
          </Text>
        </View>
      ))}
      {enterprise.suspendedUntil && (
        <View className='risk risk--danger'>
          <Text className='risk__title'>企业暂停办理（熔断）至 {enterprise.suspendedUntil}</Text>
        </View>
      )}
      {!enterprise.verified && (
        <View className='risk risk--warn'>
          <Text className='risk__title'>企业尚未核验</Text>
        </View>
      )}
      {vehicleActivePasses.length > 0 && (
        <View className='risk risk--warn' data-testid='vehicle-passes'>
          <Text className='risk__title'>该车辆另有{vehicleActivePasses.length}张有效通行证</Text>
          {vehicleActivePasses.map((p) => (
            <Text key={p.passNumber}>
              {p.passNumber}（{p.validFrom} 至 {p.validTo}）
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
