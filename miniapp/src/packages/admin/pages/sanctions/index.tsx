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
import { ChoiceChips } from '@/components/choice-chips';
import { FormField } from '@/components/form-field';
import { TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { type FieldErrors, issuesByPath } from '@/hooks/use-schema-form';
import { ApiError } from '@/services/request';
import { messageOf } from '@/utils/messages';
import { Action, AdminPage, Cell, Row } from '../../components/admin-page';
import { sanctionsApi } from '../../services/admin-api';

const kindChoices = Object.values(BlacklistKind).map((value) => ({ value, label: blacklistKindNames[value] }));
const keyLabels: Record<BlacklistKind, string> = {
  enterprise: '统一社会信用代码',
  driver: '公民身份号码',
  vehicle: '车牌号码',
};
const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

const failed = (title: string, error: unknown) =>
  Taro.showModal({ title, content: messageOf(error), showCancel: false });

/** 黑名单 (enterprises, crew, vehicles) and 熔断 (an enterprise's issuance stopped until a date). */
export default function Sanctions() {
  const [kind, setKind] = useState<BlacklistKind>('enterprise');
  const [key, setKey] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [entryErrors, setEntryErrors] = useState<FieldErrors>({});
  const [enterpriseFilter, setEnterpriseFilter] = useState('');
  const [enterpriseId, setEnterpriseId] = useState<string>();
  const [suspendUntil, setSuspendUntil] = useState(addDays(chinaToday(), 14));
  const [suspendReason, setSuspendReason] = useState('');
  const [suspensionErrors, setSuspensionErrors] = useState<FieldErrors>({});
  const page = useRolePage(Role.Admin, async () => {
    const [blacklist, suspensions, enterprises] = await Promise.all([
      sanctionsApi.blacklist(),
      sanctionsApi.suspensions(),
      sanctionsApi.enterprises(),
    ]);
    return { blacklist, suspensions, enterprises };
  });

  const addEntry = async () => {
    const parsed = blacklistEntrySchema.safeParse({ kind, key: key.trim(), reason, until: optional(until) });
    if (!parsed.success) {
      setEntryErrors(issuesByPath(parsed.error));
      return;
    }
    try {
      await sanctionsApi.addToBlacklist(parsed.data);
      setKey('');
      setReason('');
      setUntil('');
      setEntryErrors({});
      Taro.showToast({ title: '已列入黑名单', icon: 'success' });
      await page.reload();
    } catch (error) {
      if (error instanceof ApiError) setEntryErrors(error.fieldErrors);
      await failed('未能列入', error);
    }
  };

  const suspend = async () => {
    const parsed = suspensionSchema.safeParse({ enterpriseId, until: suspendUntil.trim(), reason: suspendReason });
    if (!parsed.success) {
      setSuspensionErrors(issuesByPath(parsed.error));
      return;
    }
    try {
      await sanctionsApi.suspend(parsed.data);
      setSuspendReason('');
      setEnterpriseId(undefined);
      setSuspensionErrors({});
      Taro.showToast({ title: '已暂停办理', icon: 'success' });
      await page.reload();
    } catch (error) {
      await failed('未能暂停', error);
    }
  };

  const lift = async (work: () => Promise<void>, done: string) => {
    const { confirm } = await Taro.showModal({ title: '确认解除', content: `${done}后立即生效，确定？` });
    if (!confirm) return;
    try {
      await work();
      Taro.showToast({ title: `已${done}`, icon: 'success' });
      await page.reload();
    } catch (error) {
      await failed('未能解除', error);
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
          <ChoiceChips choices={kindChoices} value={kind} onChange={setKind} />
        </FormField>
        <TextField
          label={keyLabels[kind]}
          required
          testId='blacklist-key'
          value={key}
          onChange={setKey}
          error={entryErrors.key}
          maxlength={20}
        />
        <TextField
          label='列入理由'
          required
          testId='blacklist-reason'
          value={reason}
          onChange={setReason}
          error={entryErrors.reason}
          maxlength={500}
        />
        <TextField
          label='截止日期（选填）'
          testId='blacklist-until'
          placeholder='YYYY-MM-DD，不填则直至解除'
          value={until}
          onChange={setUntil}
          error={entryErrors.until}
          maxlength={10}
        />
        <View className='admin__actions'>
          <Button type='primary' onClick={addEntry}>
            列入黑名单
          </Button>
        </View>
      </View>

      <View className='admin-table' data-testid='blacklist'>
        <Row head>
          <Cell>类型</Cell>
          <Cell wide>对象</Cell>
          <Cell wide>理由</Cell>
          <Cell>截止</Cell>
          <Cell>操作</Cell>
        </Row>
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
        <TextField
          label='查找企业'
          testId='suspend-search'
          placeholder='企业名称或统一社会信用代码'
          value={enterpriseFilter}
          onChange={setEnterpriseFilter}
          maxlength={30}
        />
        <FormField label='企业' required bare testId='suspend-enterprise' error={suspensionErrors.enterpriseId}>
          <ChoiceChips
            choices={enterprises.map((e) => ({ value: e.id, label: e.name }))}
            value={enterpriseId}
            onChange={setEnterpriseId}
          />
        </FormField>
        <TextField
          label='暂停至'
          required
          testId='suspend-until'
          placeholder='YYYY-MM-DD'
          value={suspendUntil}
          onChange={setSuspendUntil}
          error={suspensionErrors.until}
          maxlength={10}
        />
        <TextField
          label='暂停理由'
          required
          testId='suspend-reason'
          value={suspendReason}
          onChange={setSuspendReason}
          error={suspensionErrors.reason}
          maxlength={500}
        />
        <View className='admin__actions'>
          <Button type='primary' onClick={suspend}>
            暂停办理
          </Button>
        </View>
      </View>
      <View className='admin-table' data-testid='suspensions'>
        <Row head>
          <Cell wide>企业</Cell>
          <Cell>暂停至</Cell>
          <Cell wide>理由</Cell>
          <Cell>操作</Cell>
        </Row>
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
