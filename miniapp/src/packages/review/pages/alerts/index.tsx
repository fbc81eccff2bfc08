import { Button } from '@nutui/nutui-react-taro';
import {
  type CloneAlertResolution,
  type CloneAlertState,
  type CloneAlertView,
  cloneAlertResolutionNames,
  Role,
  resolveCloneAlertSchema,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ChoiceChips } from '@/components/choice-chips';
import { Denied } from '@/components/denied';
import { PlateCard } from '@/components/plate-card';
import { Screen } from '@/components/screen';
import { usePullDownReload } from '@/hooks/use-pull-down-reload';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { formatDateTime } from '@/utils/format';
import { showFailure } from '@/utils/messages';
import { ReasonPopup } from '../../components/reason-popup';
import { reviewRoutes } from '../../routes';
import { alertsApi } from '../../services/review-api';
import '../../styles/wide.scss';
import './index.scss';

/** Officials see their jurisdiction's alerts, the admin the province's. */
const alertRoles = [Role.Official, Role.Admin] as const;

const states: { value: CloneAlertState; label: string }[] = [
  { value: 'open', label: '待处理' },
  { value: 'resolved', label: '已处理' },
];

/** How each way of closing an alert is asked for. */
const closing: Record<CloneAlertResolution, { title: string; placeholder: string; confirm: string }> = {
  handled: { title: '标记为已处置', placeholder: '如：已核实为套牌车辆，通行证已撤销', confirm: '确认已处置' },
  dismissed: { title: '排除告警', placeholder: '如：卡口时钟错误，经核实为同一车辆', confirm: '确认排除' },
};

const noteProblem = (resolution: CloneAlertResolution, note: string) => {
  const parsed = resolveCloneAlertSchema.safeParse({ resolution, note });
  return parsed.success ? undefined : parsed.error.issues[0]?.message;
};

/**
 * One pass seen at two checkpoints too far apart for one truck: a copied QR code on another vehicle.
 * Each alert is closed as handled (acted on) or dismissed (a false alarm), with a note that is audited.
 */
export default function Alerts() {
  const [state, setState] = useState<CloneAlertState>('open');
  /** What the loader reads: a chip's tap reloads before the page renders with the new state. */
  const shown = useRef<CloneAlertState>('open');
  const [closingAlert, setClosingAlert] = useState<{ alert: CloneAlertView; resolution: CloneAlertResolution }>();
  const { denied, data, error, reload } = useRolePage(alertRoles, () => alertsApi.clones(shown.current));
  usePullDownReload(reload);

  if (denied) return <Denied who='审核人员或管理员' />;

  const show = async (next: CloneAlertState) => {
    setState(next);
    shown.current = next;
    await reload();
  };

  const resolve = async (note: string) => {
    if (!closingAlert) return;
    try {
      await alertsApi.resolve(closingAlert.alert.id, closingAlert.resolution, note);
      setClosingAlert(undefined);
      Taro.showToast({ title: '已处理', icon: 'success' });
      await reload();
    } catch (e) {
      showFailure('未能处理', e);
    }
  };

  const closeWith =
    (alert: CloneAlertView, resolution: CloneAlertResolution) => (event: { stopPropagation: () => void }) => {
      event.stopPropagation();
      setClosingAlert({ alert, resolution });
    };

  return (
    <Screen className='wide wide--flush'>
      <Text className='muted alerts__intro'>
        同一张通行证在不可能到达的时间内出现在相距很远的两个卡口，说明二维码可能被复制到了其他车辆上。请核实后撤销，并在此标记处理结果。
      </Text>
      <ChoiceChips choices={states} value={state} onChange={show} testId='alert-state' />
      {error && <Text className='error-text'>{error}</Text>}
      {data && data.length === 0 && (
        <View className='alerts__none' data-testid='alerts-empty'>
          <Text>{state === 'open' ? '暂无待处理的疑似克隆告警' : '暂无已处理的告警'}</Text>
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
            actions={
              !alert.resolution && (
                <View className='alerts__actions'>
                  <Button size='small' type='primary' onClick={closeWith(alert, 'handled')} data-testid='alert-handle'>
                    已处置
                  </Button>
                  <Button size='small' onClick={closeWith(alert, 'dismissed')} data-testid='alert-dismiss'>
                    排除
                  </Button>
                </View>
              )
            }
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
            {alert.resolution && (
              <Text className='alerts__resolution' data-testid='alert-resolution'>
                {cloneAlertResolutionNames[alert.resolution]}
                {alert.resolvedAt ? `（${formatDateTime(alert.resolvedAt)}）` : ''}：{alert.resolutionNote}
              </Text>
            )}
          </PlateCard>
        ))}
      </View>
      {closingAlert && (
        <ReasonPopup
          visible
          title={closing[closingAlert.resolution].title}
          label='处理说明'
          placeholder={closing[closingAlert.resolution].placeholder}
          confirmText={closing[closingAlert.resolution].confirm}
          validate={(note) => noteProblem(closingAlert.resolution, note)}
          onConfirm={resolve}
          onClose={() => setClosingAlert(undefined)}
        />
      )}
    </Screen>
  );
}
