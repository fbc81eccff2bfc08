import {
  type ApplicationAction,
  type ApplicationEventView,
  type ApplicationView,
  type AttachmentView,
  applicationActionNames,
  attachmentKindNames,
  crewRoleNames,
  type DriverView,
  formatPlate,
  Role,
  type VehicleView,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { ApplicationRows } from '@/components/application-rows';
import { Denied } from '@/components/denied';
import { DetailRow } from '@/components/detail-row';
import { ActionBar } from '@/components/form-actions';
import { LoadingState } from '@/components/loading-state';
import { Screen } from '@/components/screen';
import { Section } from '@/components/section';
import { StatusTag } from '@/components/status-tag';
import { Timeline } from '@/components/timeline';
import { useBusyAction } from '@/hooks/use-busy-action';
import { useRolePage } from '@/hooks/use-role-page';
import { routes, withQuery } from '@/services/routes';
import { askForSubscriptions, prepareSubscriptions } from '@/services/subscribe-messages';
import { formatDateTime } from '@/utils/format';
import { fieldLabel } from '@/utils/labels';
import { applicationsApi, attachmentsApi, driversApi, vehiclesApi } from '../../services/fleet-api';
import './index.scss';

interface Detail {
  application: ApplicationView;
  events: ApplicationEventView[];
  vehicles: VehicleView[];
  drivers: DriverView[];
  attachments: AttachmentView[];
}

/** Buttons the applicant may press, in the order they matter; `edit` opens the form. */
const actionOrder: ApplicationAction[] = ['edit', 'submit', 'resubmit', 'withdraw'];

export default function ApplicationDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const { busy, run } = useBusyAction();
  const { denied, data, error, reload } = useRolePage<Detail>(Role.FleetManager, async () => {
    prepareSubscriptions();
    const [application, events, vehicles, drivers, attachments] = await Promise.all([
      applicationsApi.get(id),
      applicationsApi.events(id),
      vehiclesApi.list(),
      driversApi.list(),
      attachmentsApi.list(),
    ]);
    return { application, events, vehicles, drivers, attachments };
  });

  const act = async (action: ApplicationAction) => {
    // WeChat asks only within the tap: before anything is awaited.
    if (action === 'submit' || action === 'resubmit') askForSubscriptions();
    if (action === 'edit') {
      await Taro.navigateTo({ url: withQuery(routes.applicationForm, { id }) });
      return;
    }
    if (action === 'withdraw') {
      const { confirm } = await Taro.showModal({
        title: '撤回申请',
        content: '撤回后该申请将不再办理，如需通行证请重新申请。确定撤回吗？',
        confirmText: '撤回',
      });
      if (!confirm) return;
    }
    await run('操作未成功', async () => {
      if (action === 'withdraw') await applicationsApi.withdraw(id);
      else if (action === 'submit') await applicationsApi.submit(id);
      else if (action === 'resubmit') await applicationsApi.resubmit(id);
      Taro.showToast({ title: `已${applicationActionNames[action]}`, icon: 'success' });
      await reload();
    });
  };

  if (denied) return <Denied who='车队管理员' />;
  if (!data) return <LoadingState error={error} />;

  const { application: app, events, vehicles, drivers, attachments } = data;
  const vehicle = vehicles.find((v) => v.id === app.vehicleId);
  const crew = app.crewDriverIds
    .map((crewId) => drivers.find((d) => d.id === crewId))
    .filter((d): d is DriverView => d !== undefined);
  const files = app.attachmentIds
    .map((fileId) => attachments.find((a) => a.id === fileId))
    .filter((a): a is AttachmentView => a !== undefined);
  const actions = actionOrder.filter((action) => app.actions.includes(action));
  /** Only a returned application asks for corrections; once resubmitted, the history keeps them. */
  const flagged = (...fields: string[]) =>
    app.status === 'returned' && fields.some((field) => app.fieldsToFix.includes(field));

  return (
    <Screen className='screen application-detail'>
      <View className='card application-detail__head'>
        <View className='application-detail__status'>
          <Text className='application-detail__plate'>{vehicle ? formatPlate(vehicle.plate) : '未选择车辆'}</Text>
          <StatusTag status={app.status} />
        </View>
        <Text className='muted'>
          {app.submittedAt ? `提交于 ${formatDateTime(app.submittedAt)}` : `创建于 ${formatDateTime(app.createdAt)}`}
        </Text>
      </View>

      {app.lastReason && (app.status === 'returned' || app.status === 'rejected') && (
        <View className={`application-detail__reason application-detail__reason--${app.status}`} data-testid='reason'>
          <Text className='application-detail__reason-title'>
            {app.status === 'returned' ? '退回原因' : '不予通过的理由'}：{app.lastReason}
          </Text>
          {app.fieldsToFix.length > 0 && (
            <Text data-testid='fields-to-fix'>需修改：{app.fieldsToFix.map(fieldLabel).join('、')}</Text>
          )}
        </View>
      )}

      <Section title='办理进度'>
        <Timeline events={events} application={app} />
      </Section>

      <Section title='申请内容'>
        <DetailRow
          label='车辆'
          value={vehicle ? formatPlate(vehicle.plate) : '未选择'}
          flagged={flagged('vehicleId')}
          testId='row-vehicleId'
        />
        <DetailRow
          label='司乘人员'
          value={crew.length ? crew.map((d) => `${d.name}（${crewRoleNames[d.role]}）`).join('、') : '未选择'}
          flagged={flagged('crewDriverIds')}
          testId='row-crewDriverIds'
        />
        <ApplicationRows application={app} flagged={flagged} />
        <DetailRow
          label='证明材料'
          value={
            files.length ? files.map((f) => `${attachmentKindNames[f.kind]}：${f.originalName}`).join('\n') : '未上传'
          }
          flagged={flagged('attachmentIds')}
          testId='row-attachmentIds'
        />
      </Section>

      {app.status === 'approved' && (
        <ActionBar
          actions={[
            {
              label: '查看通行证',
              onClick: () => Taro.navigateTo({ url: withQuery(routes.pass, { applicationId: app.id }) }),
            },
          ]}
        />
      )}

      <ActionBar
        actions={actions.map((action) => ({
          label: applicationActionNames[action],
          danger: action === 'withdraw',
          outline: action === 'withdraw' || action === 'edit',
          disabled: busy,
          onClick: () => act(action),
        }))}
      />
    </Screen>
  );
}
