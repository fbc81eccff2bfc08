import { Button } from '@nutui/nutui-react-taro';
import { chinaToday, quotaAllocationSchema, quotaPeriodKey, Role, regionFullName } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { RegionCodeField } from '@/components/region-code-field';
import { TextField } from '@/components/text-field';
import { useActionForm } from '@/hooks/use-action-form';
import { useRolePage } from '@/hooks/use-role-page';
import { formatDateTime } from '@/utils/format';
import { AdminPage, Cell, HeadRow, Row } from '../../components/admin-page';
import { auditApi, quotasApi, settingsApi } from '../../services/admin-api';

const periodNames = { week: '按周', month: '按月' } as const;

/** Quotas per jurisdiction and period: allocate, see used and left, and the history of changes. */
type Values = { jurisdictionCode: string; period: string; amount: string };

const periodHint = '月份如 2026-12，或周如 2026-W49';

export default function Quotas() {
  const form = useActionForm({
    schema: quotaAllocationSchema,
    initial: { jurisdictionCode: '', period: '', amount: '' } as Values,
    toInput: (v: Values) => ({
      jurisdictionCode: v.jurisdictionCode.trim(),
      period: v.period.trim(),
      amount: v.amount.trim() === '' ? undefined : Number(v.amount),
    }),
    run: quotasApi.allocate,
    done: '已分配',
    failure: '未能分配',
    reset: (v) => ({ ...v, amount: '' }),
    after: () => page.reload(),
  });
  const { field } = form;
  const page = useRolePage(Role.Admin, async () => {
    const [settings, quotas, history] = await Promise.all([
      settingsApi.current(),
      quotasApi.list(),
      auditApi.list({ entityType: 'quota' }),
    ]);
    const quota = settings.settings.quota;
    form.setValues((v) => ({ ...v, period: v.period || quotaPeriodKey(chinaToday(), quota.period) }));
    return { quota, quotas, history };
  });
  const quota = page.data?.quota;

  return (
    <AdminPage title='配额管理' testId='admin-quotas' page={page}>
      {quota && !quota.enabled && (
        <Text className='admin__notice' data-testid='quota-off'>
          本省未启用配额：签发不受配额限制，在此分配的配额不会生效。如需启用，请在“全省设置”中开启配额。
        </Text>
      )}
      {quota?.enabled && (
        <Text className='muted' data-testid='quota-on'>
          配额{periodNames[quota.period]}分配，签发时从申请首个审核辖区的本期配额中扣减。
        </Text>
      )}
      <View className='card'>
        <Text className='card__title'>分配配额</Text>
        <View className='admin__toolbar'>
          <RegionCodeField
            label='辖区行政区划代码'
            required
            testId='quota-jurisdiction'
            hint='如 320115（江宁区）'
            {...field('jurisdictionCode')}
          />
          <TextField label='周期' required testId='quota-period' hint={periodHint} {...field('period')} maxlength={8} />
          <TextField
            label='配额（张）'
            required
            testId='quota-amount'
            type='number'
            {...field('amount')}
            maxlength={7}
          />
          <Button type='primary' disabled={!quota?.enabled || form.busy} onClick={form.submit}>
            分配
          </Button>
        </View>
      </View>

      <View className='admin-table' data-testid='quota-list'>
        <HeadRow cells={[{ wide: '辖区' }, '周期', '已用 / 配额', '剩余']} />
        {(page.data?.quotas ?? []).map((q) => (
          <Row key={`${q.jurisdictionCode}-${q.period}`} testId={`quota-${q.jurisdictionCode}-${q.period}`}>
            <Cell wide>{regionFullName(q.jurisdictionCode) ?? q.jurisdictionCode}</Cell>
            <Cell>{q.period}</Cell>
            <Cell>
              <Text data-testid='quota-used'>
                {q.used} / {q.amount}
              </Text>
            </Cell>
            <Cell>
              <Text data-testid='quota-left'>{q.left}</Text>
            </Cell>
          </Row>
        ))}
        {page.data && page.data.quotas.length === 0 && <Text className='admin__empty'>尚未分配配额</Text>}
      </View>

      <Text className='admin__heading'>分配记录</Text>
      <View className='admin-table' data-testid='quota-history'>
        <HeadRow cells={['时间', '操作人', { wide: '辖区 · 周期' }, '调整']} />
        {(page.data?.history ?? []).map((entry) => (
          <Row key={entry.id}>
            <Cell>{formatDateTime(entry.createdAt)}</Cell>
            <Cell>{entry.actorName ?? '系统'}</Cell>
            <Cell wide>
              {regionFullName(String(entry.after?.jurisdictionCode ?? '')) ??
                String(entry.after?.jurisdictionCode ?? '')}{' '}
              · {String(entry.after?.period ?? '')}
            </Cell>
            <Cell>
              {entry.before ? `${String(entry.before.amount)} → ` : ''}
              {String(entry.after?.amount ?? '')}
            </Cell>
          </Row>
        ))}
      </View>
    </AdminPage>
  );
}
