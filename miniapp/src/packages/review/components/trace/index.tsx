import type { TraceStop } from '@pass/shared';
import { type ScanDirection, type ScanResult, scanDirectionNames, scanResultNames } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '@/utils/format';
import { place } from '@/utils/labels';
import './index.scss';

const resultName = (result: string) => scanResultNames[result as ScanResult] ?? result;
const directionName = (direction: string) => scanDirectionNames[direction as ScanDirection] ?? direction;
/** What the officer did: the direction of a passage, or 拦截 for a vehicle stopped at the gate. */
const actionName = (stop: TraceStop) => (stop.kind === 'interception' ? '拦截' : directionName(stop.direction));

/** The checkpoints a pass went through, in order: the trip as the road saw it. */
export function Trace({ stops }: { stops: TraceStop[] }) {
  if (stops.length === 0) return <Text className='muted'>尚无卡口查验记录</Text>;
  return (
    <View className='trace' data-testid='trace'>
      {stops.map((stop) => (
        <View
          key={stop.scanId}
          className={`trace__stop ${stop.cloneSuspected ? 'trace__stop--clone' : ''} ${stop.kind === 'interception' ? 'trace__stop--intercepted' : ''}`}
          data-kind={stop.kind}
        >
          <View className='trace__dot' />
          <View className='trace__body'>
            <Text className='trace__place'>
              {stop.checkpointName} · {actionName(stop)}
            </Text>
            <Text className='trace__meta'>
              {formatDateTime(stop.scannedAt)} · {place(stop.regionCode)} · 查验结果：{resultName(stop.result)}
            </Text>
            {stop.reason && <Text className='trace__reason'>拦截原因：{stop.reason}</Text>}
            {stop.cloneSuspected && <Text className='trace__clone'>疑似克隆：与另一次查验的时间和距离不符</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
