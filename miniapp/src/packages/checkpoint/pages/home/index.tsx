import { Button } from '@nutui/nutui-react-taro';
import { Role, validatePassNumber } from '@pass/shared';
import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CareSwitch } from '@/components/care-switch';
import { Denied } from '@/components/denied';
import { MessageEntry } from '@/components/message-entry';
import { Screen } from '@/components/screen';
import { SignOutButton } from '@/components/sign-out-button';
import { TextField } from '@/components/text-field';
import { useCareMode } from '@/hooks/use-care-mode';
import { useRolePage } from '@/hooks/use-role-page';
import { installOfflineApp } from '@/services/offline-app';
import { withQuery } from '@/services/routes';
import { messageOf } from '@/utils/messages';
import { BundleCard } from '../../components/bundle-card';
import { CameraScanner } from '../../components/camera-scanner';
import { checkpointRoutes } from '../../routes';
import { autoSyncAfterMs, type Bundle, loadBundle, syncBundle } from '../../services/bundle';
import { findCheckpoint } from '../../services/checkpoints';
import { pendingCount, uploadPending } from '../../services/scans';
import './index.scss';

const failureOf = (error: unknown) => messageOf(error, '操作失败，请稍后重试', true);

const openResult = (query: Record<string, string>) =>
  Taro.navigateTo({ url: withQuery(checkpointRoutes.result, query) });

/** 卡口人员's home: scan (or type) a pass, keep the offline data fresh, and send the scans up. */
const numberInput = {
  label: '证件编号（12位）',
  testId: 'pass-number',
  type: 'number',
  maxlength: 12,
  hint: '二维码无法识读时使用，需要联网',
} as const;

/** What a box for a QR code's text needs: the text, room for a long URL, and every keystroke kept. */
const scannedText = (value: string, set: (text: string) => void) => ({
  value,
  maxlength: 2000,
  onInput: (event: { detail: { value: string } }) => set(event.detail.value),
});

export default function CheckpointHome() {
  const { careMode, switchCareMode } = useCareMode();
  const [bundle, setBundle] = useState<Bundle | undefined>(loadBundle);
  const [syncing, setSyncing] = useState(false);
  const [syncFailure, setSyncFailure] = useState('');
  const [pending, setPending] = useState(pendingCount);
  const [uploadFailure, setUploadFailure] = useState('');
  const [number, setNumber] = useState('');
  const [numberError, setNumberError] = useState<string>();
  const [pasted, setPasted] = useState('');
  const [wedge, setWedge] = useState('');
  // Checkpoint staff work where the network fails: keep the app on this device from the first visit.
  useEffect(installOfflineApp, []);

  const sync = async () => {
    setSyncing(true);
    setSyncFailure('');
    try {
      setBundle(await syncBundle());
    } catch (error) {
      setSyncFailure(`同步失败：${failureOf(error)}`);
    } finally {
      setSyncing(false);
    }
  };

  const upload = async () => {
    setUploadFailure('');
    try {
      await uploadPending();
    } catch (error) {
      setUploadFailure(`上传失败：${failureOf(error)}（记录仍保存在本机）`);
    } finally {
      setPending(pendingCount());
    }
  };

  const {
    account,
    denied,
    data: checkpoint,
  } = useRolePage(Role.CheckpointStaff, async (me) => {
    const current = loadBundle();
    setBundle(current);
    setPending(pendingCount());
    if (!current || Date.now() - Date.parse(current.syncedAt) > autoSyncAfterMs) sync();
    if (pendingCount() > 0) upload();
    return findCheckpoint(me.checkpointId);
  });

  if (denied) return <Denied who='卡口人员' />;

  // A hardware scanner types the QR code's text and then Enter, like a keyboard.
  const checkWedge = (text: string) => {
    setWedge('');
    if (text.trim()) openResult({ url: text.trim() });
  };
  const checkNumber = () => {
    const result = validatePassNumber(number);
    setNumberError(result.ok ? undefined : result.message);
    if (result.ok) openResult({ number: result.value });
  };
  const checkPasted = () => {
    if (pasted.trim()) openResult({ url: pasted.trim() });
  };
  return (
    <Screen className='screen screen--flush checkpoint-home'>
      <View className='checkpoint-home__banner'>
        <Text className='checkpoint-home__place' data-testid='checkpoint-name'>
          {checkpoint?.name ?? '卡口核验'}
        </Text>
        <Text className='checkpoint-home__who'>{account ? `${account.name}，您好` : ' '}</Text>
      </View>

      <MessageEntry />

      <CameraScanner onScanned={(text) => openResult({ url: text })} />

      <View className='card'>
        <Text className='card__title'>扫码枪</Text>
        <Text className='checkpoint-home__hint'>点此后用扫码枪扫描通行证二维码，读到即核验</Text>
        <View className='checkpoint-home__paste' data-testid='wedge-input'>
          <Input
            className='checkpoint-home__wedge'
            {...scannedText(wedge, setWedge)}
            confirmType='go'
            placeholder='等待扫码枪输入'
            onConfirm={(event) => checkWedge(event.detail.value)}
          />
        </View>
      </View>

      <View className='card'>
        <Text className='card__title'>粘贴二维码内容</Text>
        <Text className='checkpoint-home__hint'>通行证二维码中的网址（如 HTTP://…/V/…），断网时也能核验</Text>
        <View className='checkpoint-home__paste' data-testid='paste-url'>
          <Textarea
            className='checkpoint-home__textarea'
            {...scannedText(pasted, setPasted)}
            placeholder='粘贴或输入二维码内容'
          />
        </View>
        <Button type='primary' block disabled={!pasted.trim()} onClick={checkPasted}>
          核验二维码内容
        </Button>
      </View>

      <View className='card'>
        <Text className='card__title'>按证件编号核验</Text>
        <TextField {...numberInput} value={number} onChange={setNumber} error={numberError} />
        <Button type='primary' block onClick={checkNumber}>
          按编号核验
        </Button>
      </View>

      <BundleCard bundle={bundle} syncing={syncing} failure={syncFailure} onSync={sync} />

      <View className='card'>
        <View className='card__header'>
          <Text className='card__title'>查验记录</Text>
          <Button size='small' fill='outline' onClick={() => Taro.navigateTo({ url: checkpointRoutes.history })}>
            查看记录
          </Button>
        </View>
        <Text data-testid='pending-scans'>{pending > 0 ? `${pending}条待上传` : '全部已上传'}</Text>
        {uploadFailure && <Text className='error-text'>{uploadFailure}</Text>}
        {pending > 0 && (
          <Button block fill='outline' type='primary' onClick={upload}>
            立即上传
          </Button>
        )}
      </View>

      <CareSwitch on={careMode} onChange={switchCareMode} />

      <SignOutButton />
    </Screen>
  );
}
