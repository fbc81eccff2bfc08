import type { HealthStatus } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { request } from '@/services/request';
import { messageOf } from '@/utils/messages';
import './index.scss';

type ServiceState = { kind: 'checking' } | { kind: 'up'; health: HealthStatus } | { kind: 'down'; message: string };

/** A line that tells whether the service can be reached, so "nothing happens" has an explanation. */
export function ServiceStatus() {
  const [service, setService] = useState<ServiceState>({ kind: 'checking' });

  useEffect(() => {
    request<HealthStatus>('/health', { anonymous: true })
      .then((health) => setService({ kind: 'up', health }))
      .catch((error: unknown) => setService({ kind: 'down', message: messageOf(error, '服务暂时不可用') }));
  }, []);

  return (
    <View className={`service-status service-status--${service.kind}`} data-testid='service-status'>
      {service.kind === 'checking' && <Text>正在连接服务…</Text>}
      {service.kind === 'up' && (
        <Text>
          服务正常 · 数据库{service.health.database.up ? '已连接' : '未连接'} · 版本 {service.health.version}
        </Text>
      )}
      {service.kind === 'down' && <Text>服务不可用：{service.message}</Text>}
    </View>
  );
}
