import { Button } from '@nutui/nutui-react-taro';
import {
  addDays,
  BlacklistKind,
  blacklistEntrySchema,
  blacklistKindNames,
  chinaToday,
  Role,
  suspensionSchema,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips, choicesOf } from '@/components/choice-chips';
import { FormField } from '@/components/form-field';
import { DateField, TextField } from '@/components/text-field';
import { useActionForm } from '@/hooks/use-action-form';
import { useRolePage } from '@/hooks/use-role-page';
import { showFailure } from '@/utils/messages';
import { Action, AdminPage, Cell, HeadRow, Row } from '../../components/admin-page';
import { sanctionsApi } from '../../services/admin-api';

const kindChoices = choicesOf(blacklistKindNames);
const keyLabels: Record<BlacklistKind, string> = {
  enterprise: '统一社会信用代码',
  driver: '公民身份号码',
  vehicle: '车牌号码',
};
const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

type EntryValues = { kind: BlacklistKind; key: string; reason: string; until: string };
type SuspensionValues = { enterpriseId: string | undefined; until: string; reason: string };

/** 黑名单 (enterprises, crew, vehicles) and 熔断 (an enterprise's issuance stopped until a date). */
const enterpriseSearch = {
  label: '查找企业',
  testId: 'suspend-search',
  placeholder: '企业名称或统一社会信用代码',
  maxlength: 30,
};

export default function Sanctions() {
  const [enterpriseFilter, setEnterpriseFilter] = useState('');
  const page = useRolePage(Role.Admin, async () => {
    const [blacklist, suspensions, enterprises] = await Promise.all([
      sanctionsApi.blacklist(),
      sanctionsApi.suspensions(),
      sanctionsApi.enterprises(),
    ]);
    return { blacklist, suspensions, enterprises };
  });
  const entry = useActionForm({
    schema: blacklistEntrySchema,
    initial: { kind: 'enterprise', key: '', reason: '', until: '' } as EntryValues,
    toInput: (v: EntryValues) => ({ kind: v.kind, key: v.key.trim(), reason: v.reason, until: optional(v.until) }),
    run: sanctionsApi.addToBlacklist,
    done: '已列入黑名单',
    failure: '未能列入',
    reset: (v) => ({ ...v, key: '', reason: '', until: '' }),
    after: () => page.reload(),
  });
  const suspension = useActionForm({
    schema: suspensionSchema,
    initial: { enterpriseId: undefined, until: addDays(chinaToday(), 14), reason: '' } as SuspensionValues,
    toInput: (v: SuspensionValues) => ({ enterpriseId: v.enterpriseId, until: v.until.trim(), reason: v.reason }),
    run: sanctionsApi.suspend,
    done: '已暂停办理',
    failure: '未能暂停',
    reset: (v) => ({ ...v, enterpriseId: undefined, reason: '' }),
    after: () => page.reload(),
  });
  const kind = entry.values.kind;

  const lift = async (work: () => Promise<void>, done: string) => {
    const { confirm } = await Taro.showModal({ title: '确认解除', content: `${done}后立即生效，确定？` });
    if (!confirm) return;
    try {
      await work();
      Taro.showToast({ title: `已${done}`, icon: 'success' });
      await page.reload();
    } catch (error) {
      showFailure('未能解除', error);
    }
  };

  const filter = enterpriseFilter.trim();
  const enterprises = (page.data?.enterprises ?? [])
    .filter((e) => !filter || e.name.includes(filter) || e.creditCode.includes(filter.toUpperCase()))
    .slice(0, 12);

  return (
    <AdminPage title='黑名单与熔断' testId='admin-sanctions' page={page}>
      <View className='card'>
        <Text className='card__title'>列入黑名单</Text>
        <FormField label='类型' required bare testId='blacklist-kind'>
          <ChoiceChips choices={kindChoices} value={kind} onChange={(k) => entry.set('kind', k)} />
        </FormField>
        <TextField label={keyLabels[kind]} required testId='blacklist-key' {...entry.field('key')} maxlength={20} />
        <TextField label='列入理由' required testId='blacklist-reason' {...entry.field('reason')} maxlength={500} />
        <TextField
          label='截止日期（选填）'
          testId='blacklist-until'
          placeholder='YYYY-MM-DD，不填则直至解除'
          {...entry.field('until')}
          maxlength={10}
        />
        <View className='admin__actions'>
          <Button type='primary' disabled={entry.busy} onClick={entry.submit}>
            列入黑名单
          </Button>
        </View>
      </View>

      <View className='admin-table' data-testid='blacklist'>
        <HeadRow cells={['类型', { wide: '对象' }, { wide: '理由' }, '截止', '操作']} />
        {(page.data?.blacklist ?? []).map((entry) => (
          <Row key={entry.id} testId='blacklist-entry'>
            <Cell>{blacklistKindNames[entry.kind]}</Cell>
            <Cell wide>{entry.label}</Cell>
            <Cell wide>{entry.reason}</Cell>
            <Cell>{entry.until ?? '直至解除'}</Cell>
            <View className='admin-table__cell'>
              <Action label='移出' danger onClick={() => lift(() => sanctionsApi.lift(entry.id), '移出黑名单')} />
            </View>
          </Row>
        ))}
        {page.data?.blacklist.length === 0 && <Text className='admin__empty'>黑名单为空</Text>}
      </View>

      <Text className='admin__heading'>熔断（暂停企业办理）</Text>
      <View className='card'>
        <TextField {...enterpriseSearch} value={enterpriseFilter} onChange={setEnterpriseFilter} />
        <FormField label='企业' required bare testId='suspend-enterprise' error={suspension.errorOf('enterpriseId')}>
          <ChoiceChips
            choices={enterprises.map((e) => ({ value: e.id, label: e.name }))}
            value={suspension.values.enterpriseId}
            onChange={(id) => suspension.set('enterpriseId', id)}
          />
        </FormField>
        <DateField label='暂停至' required testId='suspend-until' {...suspension.field('until')} />
        <TextField label='暂停理由' required testId='suspend-reason' {...suspension.field('reason')} maxlength={500} />
        <View className='admin__actions'>
          <Button type='primary' disabled={suspension.busy} onClick={suspension.submit}>
            暂停办理
          </Button>
        </View>
      </View>
      <View className='admin-table' data-testid='suspensions'>
        <HeadRow cells={[{ wide: '企业' }, '暂停至', { wide: '理由' }, '操作']} />
        {(page.data?.suspensions ?? []).map((s) => (
          <Row key={s.enterpriseId} testId='suspension'>
            <Cell wide>{s.enterpriseName}</Cell>
            <Cell>{s.until}</Cell>
            <Cell wide>{s.reason ?? ''}</Cell>
            <View className='admin-table__cell'>
              <Action
                label='解除'
                danger
                onClick={() => lift(() => sanctionsApi.liftSuspension(s.enterpriseId), '解除暂停')}
              />
            </View>
          </Row>
        ))}
        {page.data?.suspensions.length === 0 && <Text className='admin__empty'>没有暂停办理的企业</Text>}
      </View>
    </AdminPage>
  );
}
