import { Button } from '@nutui/nutui-react-taro';
import { isCalendarDate, Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips, choicesOf } from '@/components/choice-chips';
import { DateField, TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { formatDateTime } from '@/utils/format';
import { AdminPage, Cell, HeadRow, Row } from '../../components/admin-page';
import { type AuditEntry, auditApi } from '../../services/admin-api';
import { auditExportAvailable, downloadAuditCsv } from '../../services/audit-export';

/** The kinds of object the log records (its `entityType`), and all of them. */
const entityNames = {
  all: '全部',
  account: '账号',
  checkpoint: '卡口',
  quota: '配额',
  blacklist: '黑名单',
  enterprise: '企业',
  whitelist: '白名单',
  settings: '全省设置',
  application: '申请',
  pass: '通行证',
};

type EntityFilter = keyof typeof entityNames;
const entityChoices = choicesOf(entityNames);

/** A day in China's time zone, as the instant it starts. */
const dayStart = (date: string) => (isCalendarDate(date) ? `${date}T00:00:00+08:00` : undefined);
const nextDayStart = (date: string) =>
  isCalendarDate(date) ? new Date(Date.parse(`${date}T00:00:00+08:00`) + 86_400_000).toISOString() : undefined;

const changeText = (value: Record<string, unknown> | null) => (value ? JSON.stringify(value) : '');

/** The append-only audit log: filter by object type, action and days; page back; export what is shown. */
const actionField = { label: '操作', testId: 'audit-action', placeholder: '如：account.disable', maxlength: 50 };

export default function Audit() {
  const [entityType, setEntityType] = useState<EntityFilter>('all');
  const [action, setAction] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  /** The `createdAt` each page after the first starts before; the last one is the page shown. */
  const [cursors, setCursors] = useState<string[]>([]);
  const page = useRolePage(Role.Admin, () =>
    auditApi.list({
      entityType: entityType === 'all' ? undefined : entityType,
      action: action.trim() || undefined,
      from: dayStart(from.trim()),
      to: nextDayStart(to.trim()),
      before: cursors[cursors.length - 1],
    }),
  );
  const entries: AuditEntry[] = page.data ?? [];

  const search = (nextCursors: string[] = []) => {
    setCursors(nextCursors);
    // The loader reads the state when it runs: let it settle first.
    setTimeout(() => page.reload(), 0);
  };

  const exportShown = async () => {
    try {
      await downloadAuditCsv(entries);
    } catch (error) {
      Taro.showToast({ title: error instanceof Error ? error.message : '导出失败', icon: 'none' });
    }
  };

  return (
    <AdminPage title='审计日志' testId='admin-audit' page={page}>
      <ChoiceChips
        testId='audit-entity'
        choices={entityChoices}
        value={entityType}
        onChange={(value) => {
          setEntityType(value);
          search();
        }}
      />
      <View className='admin__toolbar'>
        <TextField {...actionField} value={action} onChange={setAction} />
        <DateField label='起始日期' testId='audit-from' value={from} onChange={setFrom} />
        <DateField label='截止日期' testId='audit-to' value={to} onChange={setTo} />
        <Button type='primary' onClick={() => search()}>
          筛选
        </Button>
        {auditExportAvailable && <Button onClick={exportShown}>导出本页</Button>}
      </View>

      <View className='admin-table' data-testid='audit-list'>
        <HeadRow cells={['时间', '操作人', '操作', { wide: '变更前' }, { wide: '变更后' }]} />
        {entries.map((entry) => (
          <Row key={entry.id} testId='audit-entry'>
            <Cell>{formatDateTime(entry.createdAt)}</Cell>
            <Cell>{entry.actorName ?? '系统'}</Cell>
            <Cell>
              <Text data-testid='audit-action-name'>{entry.action}</Text>
            </Cell>
            <Cell wide>{changeText(entry.before)}</Cell>
            <Cell wide>{changeText(entry.after)}</Cell>
          </Row>
        ))}
        {!page.loading && entries.length === 0 && <Text className='admin__empty'>没有符合条件的记录</Text>}
      </View>
      <View className='admin__actions'>
        {cursors.length > 0 && <Button onClick={() => search(cursors.slice(0, -1))}>上一页</Button>}
        {entries.length >= 200 && (
          <Button onClick={() => search([...cursors, entries[entries.length - 1]!.createdAt])}>下一页</Button>
        )}
      </View>
    </AdminPage>
  );
}
