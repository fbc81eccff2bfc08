import { Button } from '@nutui/nutui-react-taro';
import {
  type CalendarDay,
  CalendarDayKind,
  calendarDayKindNames,
  calendarDaySchema,
  chinaToday,
  Role,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips, choicesOf } from '@/components/choice-chips';
import { FormField } from '@/components/form-field';
import { DateField, TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { useSchemaForm } from '@/hooks/use-schema-form';
import { showFailure } from '@/utils/messages';
import { Action, AdminPage, Cell, HeadRow, Row, reloading } from '../../components/admin-page';
import { holidaysApi } from '../../services/admin-api';

type Draft = { date: string; kind: CalendarDayKind; name: string };

const kindChoices = choicesOf(calendarDayKindNames);
const weekdayNames = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'];
const weekdayOf = (date: string) => weekdayNames[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7];

/**
 * The year's public holidays and 调休 working days, entered from the State Council's notice: review
 * deadlines count working days by them.
 */
export default function Holidays() {
  const thisYear = Number(chinaToday().slice(0, 4));
  const years = [thisYear, thisYear + 1].map((y) => ({ value: String(y), label: `${y}年` }));
  const [year, setYear] = useState(String(thisYear));
  const [days, setDays] = useState<CalendarDay[]>([]);
  const [dirty, setDirty] = useState(false);
  const draft = useSchemaForm({
    schema: calendarDaySchema,
    initial: { date: '', kind: 'holiday', name: '' } as Draft,
    toInput: (v: Draft) => ({ ...v, date: v.date.trim() }),
  });
  const page = useRolePage(Role.Admin, async () => {
    const loaded = await holidaysApi.year(Number(year));
    setDays(loaded);
    setDirty(false);
    return loaded;
  });

  const add = () => {
    const day = draft.validate();
    if (!day) return;
    if (!day.date.startsWith(`${year}-`)) {
      draft.setServerErrors({ date: `日期应在${year}年内` });
      return;
    }
    setDays((current) =>
      [...current.filter((d) => d.date !== day.date), day].sort((a, b) => a.date.localeCompare(b.date)),
    );
    draft.reset({ ...draft.values, date: '' });
    setDirty(true);
  };

  const save = async () => {
    try {
      setDays(await holidaysApi.save(Number(year), days));
      setDirty(false);
      Taro.showToast({ title: '已保存并生效', icon: 'success' });
    } catch (error) {
      showFailure('未能保存', error);
    }
  };

  return (
    <AdminPage title='节假日安排' testId='admin-holidays' page={page}>
      <Text className='muted'>
        按国务院办公厅当年的节假日安排通知录入放假日期和调休上班日期；办理时限按此计算工作日，保存后立即生效。
      </Text>
      <ChoiceChips testId='holiday-year' choices={years} value={year} onChange={reloading(setYear, page)} />
      <View className='card'>
        <View className='admin__toolbar'>
          <DateField label='日期' required testId='holiday-date' {...draft.field('date')} />
          <TextField
            label='节日名称'
            required
            testId='holiday-name'
            placeholder='如：国庆节'
            {...draft.field('name')}
            maxlength={30}
          />
          <FormField label='类型' required bare testId='holiday-kind'>
            <ChoiceChips choices={kindChoices} value={draft.values.kind} onChange={(kind) => draft.set('kind', kind)} />
          </FormField>
          <Button onClick={add}>添加</Button>
        </View>
      </View>
      <View className='admin-table' data-testid='holiday-list'>
        <HeadRow cells={['日期', '星期', '类型', { wide: '名称' }, '操作']} />
        {days.map((day) => (
          <Row key={day.date} testId={`holiday-${day.date}`}>
            <Cell>{day.date}</Cell>
            <Cell>{weekdayOf(day.date)}</Cell>
            <Cell>{calendarDayKindNames[day.kind]}</Cell>
            <Cell wide>{day.name}</Cell>
            <View className='admin-table__cell'>
              <Action
                label='删除'
                danger
                onClick={() => {
                  setDays((current) => current.filter((d) => d.date !== day.date));
                  setDirty(true);
                }}
              />
            </View>
          </Row>
        ))}
        {!page.loading && days.length === 0 && <Text className='admin__empty'>该年尚未录入节假日</Text>}
      </View>
      <View className='admin__actions'>
        <Button type='primary' disabled={!dirty} onClick={save}>
          保存{year}年安排
        </Button>
      </View>
    </AdminPage>
  );
}
