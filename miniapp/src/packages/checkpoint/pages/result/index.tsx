import { Button } from '@nutui/nutui-react-taro';
import {
  maxInterceptionReason,
  Role,
  type ScanDirection,
  ScanKind,
  ScanResult,
  scanDirectionNames,
  scanRecordSchema,
  scanResultAdvice,
  scanResultNames,
} from '@pass/shared';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { LengthCounter } from '@/components/form-field';
import { Screen } from '@/components/screen';
import { loadSession } from '@/services/session';
import { messageOf } from '@/utils/messages';
import { VerdictView } from '../../components/verdict';
import { checkpointRoutes } from '../../routes';
import { recordScan, uploadPending } from '../../services/scans';
import { uuidV4 } from '../../services/uuid';
import { type Verdict, verifyNumber, verifyScanned } from '../../services/verify';
import './index.scss';

type Query = { url?: string; q?: string; number?: string };

const failureOf = (error: unknown) => messageOf(error, '核验失败，请重试', true);

const decodeOnce = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** Back to scanning: the previous page, or the checkpoint home when WeChat opened this page directly. */
function backToScanning() {
  if (Taro.getCurrentPages().length > 1) Taro.navigateBack();
  else Taro.reLaunch({ url: checkpointRoutes.home });
}

/**
 * The verdict on one pass (`?url=`, WeChat's `?q=`, or a typed `?number=`), and for checkpoint staff
 * the direction buttons that file the scan: saved on the device at once, uploaded when online.
 */
export default function Result() {
  const [verdict, setVerdict] = useState<Verdict>();
  const [failure, setFailure] = useState('');
  const [recorded, setRecorded] = useState<ScanDirection | typeof ScanKind.Interception | null>(null);
  const [mismatch, setMismatch] = useState(false);
  const [reason, setReason] = useState<string>();
  const [reasonError, setReasonError] = useState('');
  const account = loadSession()?.account;
  const staff = account?.role === Role.CheckpointStaff && account.checkpointId ? account : undefined;

  useLoad(async (query: Query) => {
    try {
      // WeChat hands the scanned URL over encoded (`q`), and a redirect may encode it once more.
      const scanned = query.url ?? (query.q ? decodeOnce(query.q) : undefined);
      if (scanned) setVerdict(await verifyScanned(scanned));
      else if (query.number) setVerdict(await verifyNumber(query.number));
      else setFailure('没有要核验的通行证');
    } catch (error) {
      setFailure(failureOf(error));
    }
  });

  // The officer found vehicle, crew or route different from a genuine pass.
  const shown: Verdict | undefined =
    verdict && mismatch
      ? {
          ...verdict,
          result: ScanResult.Mismatch,
          allowsPassage: false,
          message: '人、车、线路与通行证不符',
          advice: scanResultAdvice.mismatch,
        }
      : verdict;

  const record = (direction: ScanDirection) => {
    if (!shown?.passNumber || !staff?.checkpointId) return;
    recordScan({
      passNumber: shown.passNumber,
      checkpointId: staff.checkpointId,
      result: shown.result,
      kind: ScanKind.Passage,
      direction,
      plate: shown.claims?.plate,
    });
    setRecorded(direction);
    Taro.showToast({ title: `已登记${scanDirectionNames[direction]}`, icon: 'success' });
    uploadPending().catch(() => undefined);
  };

  // Prefilled with what the verdict found, so a refusal is filed with one tap; the officer may add more.
  const reasonText = reason ?? (shown ? `通行证${scanResultNames[shown.result]}` : '');
  const intercept = () => {
    if (!shown?.passNumber || !staff?.checkpointId) return;
    const scan = {
      passNumber: shown.passNumber,
      checkpointId: staff.checkpointId,
      result: shown.result,
      kind: ScanKind.Interception,
      // The gate stops vehicles on their way in.
      direction: 'inbound' as const,
      reason: reasonText.trim(),
    };
    // Checked with the server's rules now: a record the server refuses would never leave the device.
    const checked = scanRecordSchema.safeParse({ ...scan, id: uuidV4(), scannedAt: new Date().toISOString() });
    if (!checked.success) {
      setReasonError(checked.error.issues[0]?.message ?? '拦截原因无效');
      return;
    }
    recordScan({ ...scan, plate: shown.claims?.plate });
    setRecorded(ScanKind.Interception);
    Taro.showToast({ title: '已登记拦截', icon: 'success' });
    uploadPending().catch(() => undefined);
  };

  if (!shown) {
    return (
      <Screen className='screen result'>
        {failure ? (
          <View className='result__failure' data-testid='verify-error'>
            <Text>{failure}</Text>
          </View>
        ) : (
          <Text className='result__checking'>正在核验…</Text>
        )}
        {failure && (
          <Button block size='large' onClick={backToScanning}>
            返回
          </Button>
        )}
      </Screen>
    );
  }

  const canRecord = Boolean(staff && shown.passNumber);
  return (
    <Screen className='result'>
      <VerdictView verdict={shown} />
      <View className='result__actions'>
        {verdict?.allowsPassage && !recorded && (
          <View
            className={`result__mismatch ${mismatch ? 'result__mismatch--on' : ''}`}
            role='checkbox'
            aria-role='checkbox'
            aria-checked={mismatch}
            data-testid='mismatch'
            onClick={() => setMismatch(!mismatch)}
          >
            <Text>{mismatch ? '☑' : '☐'} 人、车、线路与通行证不符</Text>
          </View>
        )}
        {recorded ? (
          <View className='result__recorded' data-testid='recorded'>
            <Text>
              {recorded === ScanKind.Interception ? '已登记拦截' : `已登记${scanDirectionNames[recorded]}`}
              ，记录已保存在本机，联网时自动上传。
            </Text>
          </View>
        ) : (
          canRecord &&
          (shown.allowsPassage ? (
            <View className='result__directions'>
              <Button type='primary' size='large' onClick={() => record('inbound')}>
                登记驶入
              </Button>
              <Button type='primary' size='large' onClick={() => record('outbound')}>
                登记驶出
              </Button>
            </View>
          ) : (
            <View className='result__intercept' data-testid='intercept'>
              <Text className='result__intercept-label'>拦截原因</Text>
              <View
                className={`result__reason ${reasonError ? 'result__reason--invalid' : ''}`}
                data-testid='intercept-reason'
              >
                <Textarea
                  className='result__reason-input'
                  value={reasonText}
                  // No cut: a longer reason is refused with the schema's message (see the counter).
                  maxlength={-1}
                  placeholder='如：通行证已撤销，车辆已劝返'
                  onInput={(event) => {
                    setReason(event.detail.value);
                    setReasonError('');
                  }}
                />
              </View>
              <LengthCounter length={reasonText.trim().length} max={maxInterceptionReason} testId='intercept-counter' />
              {reasonError && (
                <Text className='error-text' data-testid='intercept-error'>
                  {reasonError}
                </Text>
              )}
              <Button type='danger' size='large' block onClick={intercept}>
                登记拦截
              </Button>
            </View>
          ))
        )}
        <Button block size='large' fill='outline' onClick={backToScanning}>
          {recorded || !canRecord ? '继续核验' : '不登记，返回'}
        </Button>
      </View>
    </Screen>
  );
}
