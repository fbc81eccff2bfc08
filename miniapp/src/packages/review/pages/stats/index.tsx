import { Button } from '@nutui/nutui-react-taro';
import type { Statistics } from '@pass/shared';
import { addDays, chinaToday, Role, regionFullName } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { ChoiceChips } from '@/components/choice-chips';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import { Section } from '@/components/section';
import { useRolePage } from '@/hooks/use-role-page';
import { messageOf } from '@/utils/messages';
import { Columns, HBars } from '../../components/bars';
import { CounterTile } from '../../components/counter-tile';
import { csvExportAvailable, downloadIssuedCsv } from '../../services/csv';
import { statsApi } from '../../services/review-api';
import '../../styles/wide.scss';
import './index.scss';

type Range = '7' | '30' | '90';
const ranges = [
  { value: '7' as const, label: '近7天' },
  { value: '30' as const, label: '近30天' },
  { value: '90' as const, label: '近90天' },
];

/** Every day of the range, with 0 for days without a pass (the API lists only days with some). */
function everyDay(stats: Statistics) {
  const counts = new Map(stats.issuedPerDay.map((d) => [d.date, d.count]));
  const days: { label: string; value: number }[] = [];
  for (let day = stats.from; day <= stats.to; day = addDays(day, 1))
    days.push({ label: day, value: counts.get(day) ?? 0 });
  return days;
}

/** Issued per day and per category, quota use and overdue work, as bars. */
export default function Stats() {
  const [range, setRange] = useState<Range>('30');
  const rangeRef = useRef(range);
  const { denied, data, error, reload } = useRolePage(Role.Official, () => {
    const to = chinaToday();
    return statsApi.get(addDays(to, -(Number(rangeRef.current) - 1)), to);
  });

  if (denied) return <Denied who='审核人员' />;

  const choose = (next: Range) => {
    rangeRef.current = next;
    setRange(next);
    reload();
  };
  const total = data?.issuedPerDay.reduce((sum, d) => sum + d.count, 0) ?? 0;

  return (
    <Screen className='wide wide--flush stats'>
      <ChoiceChips choices={ranges} value={range} onChange={choose} testId='stats-range' />
      {error && <Text className='error-text'>{error}</Text>}
      {data && (
        <>
          <View className='stats__tiles'>
            <CounterTile label={`签发（${data.from} 起）`} value={String(total)} testId='stats-issued' />
            <CounterTile label='待审核' value={String(data.waiting)} testId='stats-waiting' />
            <CounterTile
              label='已逾期'
              value={String(data.overdue)}
              tone={data.overdue ? 'alert' : 'normal'}
              testId='stats-overdue'
            />
          </View>
          <View className='wide__columns'>
            <View className='wide__main'>
              <Section title='每日签发量'>
                <Columns columns={everyDay(data)} testId='chart-per-day' />
              </Section>
              <Section title='按物资类别'>
                {data.issuedPerCategory.length === 0 ? (
                  <Text className='muted'>此期间未签发通行证</Text>
                ) : (
                  <HBars
                    testId='chart-per-category'
                    rows={data.issuedPerCategory.map((c) => ({ label: c.name, value: c.count }))}
                  />
                )}
              </Section>
            </View>
            <View className='wide__side'>
              <Section title='配额使用'>
                {!data.quotaEnabled ? (
                  <Text className='muted' data-testid='quota-off'>
                    未启用配额，签发数量不限
                  </Text>
                ) : data.quota.length === 0 ? (
                  <Text className='muted'>尚未分配配额，本期剩余0张</Text>
                ) : (
                  <HBars
                    testId='chart-quota'
                    rows={data.quota.map((q) => ({
                      label: `${regionFullName(q.jurisdictionCode) ?? q.jurisdictionCode}（${q.period}）`,
                      value: q.used,
                      of: q.amount,
                      // The same figure as the home's 本期剩余配额: what is left of the allocation.
                      text: `已用${q.used} / ${q.amount}，剩余${q.amount - q.used}`,
                      tone: q.used >= q.amount ? 'alert' : 'normal',
                    }))}
                  />
                )}
              </Section>
              <Section title='办理时效'>
                <HBars
                  testId='chart-overdue'
                  rows={[
                    { label: '待审核', value: data.waiting, of: Math.max(1, data.waiting) },
                    { label: '其中已逾期', value: data.overdue, of: Math.max(1, data.waiting), tone: 'alert' },
                  ]}
                />
              </Section>
            </View>
          </View>
          {csvExportAvailable && (
            <Button
              block
              fill='outline'
              type='primary'
              onClick={() =>
                downloadIssuedCsv(data.from, data.to).catch((e) =>
                  Taro.showToast({ title: messageOf(e, '导出失败'), icon: 'none' }),
                )
              }
            >
              导出签发明细（CSV）
            </Button>
          )}
        </>
      )}
    </Screen>
  );
}
