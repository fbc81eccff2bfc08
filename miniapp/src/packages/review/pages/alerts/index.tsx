import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { Denied } from '@/components/denied';
import { usePullDownReload } from '@/hooks/use-pull-down-reload';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { formatDateTime } from '@/utils/format';
import { reviewRoutes } from '../../routes';
import { alertsApi } from '../../services/review-api';
import '../../styles/wide.scss';
import './index.scss';
import { PlateCard } from '@/components/plate-card';

/** One pass seen at two checkpoints too far apart for one truck: a copied QR code on another vehicle. */
export default function Alerts() {
  const { denied, data, error, reload } = useRolePage(Role.Official, alertsApi.clones);
  usePullDownReload(reload);

  if (denied) return <Denied who='审核人员' />;

  return (
    <View className='wide wide--flush'>
      <Text className='muted alerts__intro'>
        同一张通行证在不可能到达的时间内出现在相距很远的两个卡口，说明二维码可能被复制到了其他车辆上。请核实后撤销。
      </Text>
      {error && <Text className='error-text'>{error}</Text>}
      {data && data.length === 0 && (
        <View className='alerts__none' data-testid='alerts-empty'>
          <Text>暂无疑似克隆告警</Text>
        </View>
      )}
      <View className='wide__grid'>
        {data?.map((alert) => (
          <PlateCard
            key={alert.id}
            block='alerts'
            testId='alert-item'
            url={withQuery(reviewRoutes.pass, { id: alert.passId })}
            plate={alert.plate}
            tag={<Text className='alerts__number'>{alert.passNumber}</Text>}
          >
            <Text className='alerts__scan'>
              ① {alert.first.checkpointName} · {formatDateTime(alert.first.scannedAt)}
            </Text>
            <Text className='alerts__scan'>
              ② {alert.second.checkpointName} · {formatDateTime(alert.second.scannedAt)}
            </Text>
            <Text className='alerts__why'>
              相距约{Math.round(alert.distanceKm)}公里，间隔仅{Math.round(alert.minutes)}分钟
            </Text>
          </PlateCard>
        ))}
      </View>
    </View>
  );
}
