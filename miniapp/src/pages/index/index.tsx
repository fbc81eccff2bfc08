import { type HealthStatus, roleNames } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ApiError, request } from '@/services/request';
import './index.scss';

type ServiceState = { kind: 'checking' } | { kind: 'up'; health: HealthStatus } | { kind: 'down'; message: string };

export default function Index() {
  const [service, setService] = useState<ServiceState>({ kind: 'checking' });

  useLoad(() => {
    request<HealthStatus>('/health')
      .then((health) => setService({ kind: 'up', health }))
      .catch((error: unknown) =>
        setService({ kind: 'down', message: error instanceof ApiError ? error.message : '服务暂时不可用' }),
      );
  });

  return (
    <View className='index'>
      <View className='index__hero'>
        <Text className='index__title'>重点物资运输车辆通行证</Text>
        <Text className='index__subtitle'>全国统一样式 · 全国互认 · 免费办理</Text>
      </View>
      <View className='index__roles'>
        <Text className='index__role'>{roleNames.fleet_manager}：申请、查看、出示通行证</Text>
        <Text className='index__role'>{roleNames.official}：审核、签发、撤销</Text>
        <Text className='index__role'>{roleNames.checkpoint_staff}：扫码核验</Text>
      </View>
      <View className={`index__status index__status--${service.kind}`} data-testid='service-status'>
        {service.kind === 'checking' && <Text>正在连接服务…</Text>}
        {service.kind === 'up' && (
          <Text>
            服务正常 · 数据库{service.health.database.up ? '已连接' : '未连接'} · 版本 {service.health.version}
          </Text>
        )}
        {service.kind === 'down' && <Text>服务不可用：{service.message}</Text>}
      </View>
    </View>
  );
}
