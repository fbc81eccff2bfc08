import { Button } from '@nutui/nutui-react-taro';
import { crewRoleNames, formatPlate, Role } from '@pass/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro, { useDidHide, useDidShow, useRouter, useUnload } from '@tarojs/taro';
import { useRef, useState } from 'react';
import { Denied } from '@/components/denied';
import { DetailRow } from '@/components/detail-row';
import { LoadingState } from '@/components/loading-state';
import { Screen } from '@/components/screen';
import { useFocusWhen, useKeys } from '@/hooks/use-keys';
import { useRolePage } from '@/hooks/use-role-page';
import { openPdf } from '@/services/files';
import { formatDateTime } from '@/utils/format';
import { categoryName, routeText } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { raiseBrightness } from '../../services/brightness';
import { passApi } from '../../services/pass-api';
import { passStanding } from '../../services/pass-state';
import { loadPass } from './load';
import './index.scss';

const holders = [Role.FleetManager, Role.Crew] as const;

const factClasses = { row: 'pass-screen__fact', label: 'pass-screen__label', value: 'pass-screen__value' };

/**
 * The pass as the driver shows it: status, plate and validity large, the QR code as big as the screen
 * allows at full brightness; works offline from the last download; the A4 PDF to save or print.
 */
export default function PassScreen() {
  const { params } = useRouter();
  const { account, denied, data, error } = useRolePage(holders, (holder) => loadPass(holder, params));
  const [sharing, setSharing] = useState(false);
  const [full, setFull] = useState(false);
  const [printing, setPrinting] = useState(false);
  const restore = useRef<(() => void) | null>(null);

  useDidShow(() => {
    raiseBrightness().then((undo) => {
      restore.current?.();
      restore.current = undo;
    });
  });
  const dim = () => {
    restore.current?.();
    restore.current = null;
  };
  useDidHide(dim);
  useUnload(dim);
  // The full-screen code takes the keyboard's focus, and Esc (like a tap) closes it (H5; no-ops in WeChat).
  useFocusWhen('[data-testid="pass-full"]', full);
  useKeys(({ key }) => {
    if (key !== 'Escape') return false;
    setFull(false);
    return true;
  }, full);

  if (denied) return <Denied who='车队管理员或驾驶员/押运员' />;
  if (!data) return <LoadingState error={error} errorTestId='pass-error' />;

  const { pass, qr, offline, savedAt } = data;
  const standing = passStanding(pass);
  const validity = `${pass.validFrom} 至 ${pass.validTo}`;

  const printPdf = async () => {
    setPrinting(true);
    try {
      await openPdf(passApi.pdfPath(pass.id));
    } catch (e) {
      showFailure('未能打开PDF', e, '请联网后重试');
    } finally {
      setPrinting(false);
    }
  };

  const share = async () => {
    setSharing(true);
    try {
      const { sentTo } = await passApi.share(pass.id);
      Taro.showModal({
        title: '已发送',
        content: sentTo.length
          ? `已向 ${sentTo.join('、')} 发送短信，司乘人员可用该手机号登录查看本证。`
          : '该证的司乘人员没有登记手机号码。',
        showCancel: false,
      });
    } catch (e) {
      showFailure('未能发送', e, '请联网后重试');
    } finally {
      setSharing(false);
    }
  };

  // What the code says, for a screen reader (WeChat reads ariaLabel, a browser the image's alt).
  const qrLabel = `通行证二维码：编号${pass.passNumber}，车牌${formatPlate(pass.plate)}`;
  const qrImage = (className: string) =>
    qr ? (
      <Image
        className={className}
        src={qr}
        mode='aspectFit'
        aria-label={qrLabel}
        nativeProps={{ alt: qrLabel }}
        data-testid='pass-qr'
      />
    ) : (
      <Text className='muted'>二维码未能下载，请联网后重新打开</Text>
    );

  return (
    <Screen className={`pass-screen pass-screen--${standing.tone}`} data-testid='pass-screen' data-tone={standing.tone}>
      <View className='pass-screen__band'>
        <Text className='pass-screen__title'>重点物资运输车辆通行证</Text>
        <Text className='pass-screen__standing' data-testid='pass-standing'>
          {standing.text}
        </Text>
      </View>

      <View className='pass-screen__main'>
        <Text className='pass-screen__plate' data-testid='pass-plate'>
          {formatPlate(pass.plate)}
        </Text>
        <Text className='pass-screen__validity'>有效期 {validity}</Text>
        {qr && standing.tone !== 'invalid' ? (
          <View
            className='pass-screen__qr-box'
            role='button'
            aria-role='button'
            aria-label={`${qrLabel}。点击全屏出示`}
            onClick={() => setFull(true)}
          >
            {qrImage('pass-screen__qr')}
          </View>
        ) : (
          <View className='pass-screen__qr-box'>{qrImage('pass-screen__qr')}</View>
        )}
        {standing.tone === 'invalid' ? (
          <Text className='pass-screen__void' data-testid='pass-void'>
            该通行证{standing.text}，不能凭此证通行
          </Text>
        ) : (
          qr && <Text className='muted'>点击二维码全屏出示</Text>
        )}
        {offline && (
          <Text className='pass-screen__offline' data-testid='pass-offline'>
            网络不可用：显示 {formatDateTime(savedAt)} 下载的通行证，状态可能已变化
          </Text>
        )}
      </View>

      <View className='card pass-screen__facts'>
        <DetailRow classes={factClasses} label='证件编号' value={pass.passNumber} />
        <DetailRow
          classes={factClasses}
          label='路线'
          value={routeText(pass.originCode, pass.waypointCodes, pass.destinationCode)}
        />
        <DetailRow
          classes={factClasses}
          label='物资'
          value={`${categoryName(pass.materialCategory)}：${pass.materialDescription}`}
        />
        {pass.crew.map((person) => (
          <DetailRow
            classes={factClasses}
            key={`${person.role}-${person.idNumberMasked}`}
            label={crewRoleNames[person.role]}
            value={`${person.name} ${person.idNumberMasked}`}
          />
        ))}
        <DetailRow classes={factClasses} label='核发单位' value={pass.issuingDepartment} />
        <DetailRow classes={factClasses} label='签发时间' value={formatDateTime(pass.issuedAt)} />
        {pass.endReason && <DetailRow classes={factClasses} label='失效原因' value={pass.endReason} />}
      </View>

      {account?.role === Role.FleetManager && standing.tone !== 'invalid' && !offline && (
        <View className='pass-screen__share'>
          <Button block fill='outline' loading={sharing} disabled={sharing} onClick={share} data-testid='pass-share'>
            发送给司乘人员
          </Button>
        </View>
      )}

      <View className='action-bar'>
        <Button size='large' loading={printing} disabled={printing} onClick={printPdf}>
          保存/打印PDF
        </Button>
        <Button type='primary' size='large' disabled={!qr || standing.tone === 'invalid'} onClick={() => setFull(true)}>
          全屏出示
        </Button>
      </View>

      {full && (
        <View
          className='pass-full'
          role='button'
          aria-role='button'
          aria-label={`${qrLabel}。点击返回`}
          data-testid='pass-full'
          onClick={() => setFull(false)}
        >
          <Text className='pass-full__plate'>{formatPlate(pass.plate)}</Text>
          {qrImage('pass-full__qr')}
          <Text className='pass-full__standing'>{standing.text}</Text>
          <Text className='pass-full__validity'>{validity}</Text>
          <Text className='pass-full__hint'>点击任意处返回</Text>
        </View>
      )}
    </Screen>
  );
}
