import { Button } from '@nutui/nutui-react-taro';
import { formatPlate, Role, scanDirectionNames, scanResultAllowsPassage, scanResultNames } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import { ToneTag } from '@/components/status-tag';
import { useRolePage } from '@/hooks/use-role-page';
import { ApiError } from '@/services/request';
import { formatDateTime } from '@/utils/format';
import { type LocalScan, loadScans, uploadPending } from '../../services/scans';
import './index.scss';

/** A passage shows its direction; an interception shows 拦截. */
const actionName = (scan: LocalScan) => (scan.kind === 'interception' ? '拦截' : scanDirectionNames[scan.direction]);

/** This device's scans, newest first, each marked uploaded or waiting to be uploaded. */
export default function History() {
  const [scans, setScans] = useState<LocalScan[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const { denied } = useRolePage(Role.CheckpointStaff, async () => {
    setScans(loadScans());
  });

  if (denied) return <Denied who='卡口人员' />;

  const pending = scans.filter((s) => !s.uploaded).length;
  const upload = async () => {
    setBusy(true);
    setFailure('');
    try {
      await uploadPending();
    } catch (error) {
      setFailure(error instanceof ApiError ? `上传失败：${error.message}` : '上传失败，请稍后重试');
    } finally {
      setScans(loadScans());
      setBusy(false);
    }
  };

  return (
    <Screen className='screen history'>
      <View className='card history__summary'>
        <Text data-testid='history-summary'>
          共{scans.length}条 · {pending > 0 ? `${pending}条待上传` : '全部已上传'}
        </Text>
        {failure && <Text className='error-text'>{failure}</Text>}
      </View>
      {scans.length === 0 && <Text className='muted'>本机还没有查验记录</Text>}
      {scans.map((scan) => (
        <View key={scan.id} className='history__item' data-testid='scan-item'>
          <View className='history__top'>
            <Text className='history__plate'>{scan.plate ? formatPlate(scan.plate) : scan.passNumber}</Text>
            {scan.uploaded ? <ToneTag tone='good'>已上传</ToneTag> : <ToneTag tone='warn'>待上传</ToneTag>}
          </View>
          <Text
            className={`history__result ${scanResultAllowsPassage(scan.result) ? 'history__result--pass' : 'history__result--stop'}`}
          >
            {scanResultNames[scan.result]} · {actionName(scan)}
          </Text>
          <Text className='muted'>
            {formatDateTime(scan.scannedAt)} · 证件编号 {scan.passNumber}
          </Text>
        </View>
      ))}
      {pending > 0 && (
        <View className='action-bar'>
          <Button type='primary' size='large' loading={busy} disabled={busy} onClick={upload}>
            立即上传（{pending}）
          </Button>
        </View>
      )}
    </Screen>
  );
}
