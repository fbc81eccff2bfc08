import { Button } from '@nutui/nutui-react-taro';
import {
  AttachmentKind,
  attachmentKindNames,
  defaultProvinceSettings,
  MaterialGroup,
  materialGroupNames,
  type ProvinceSettings,
  type ProvinceSettingsDocument,
  provinceSettingsSchema,
  type ReviewLevel,
  Role,
  reviewLevelNames,
  routingRuleNames,
  type SettingsChange,
  settingsChanges,
} from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips, choicesOf } from '@/components/choice-chips';
import { FormField } from '@/components/form-field';
import { TextField } from '@/components/text-field';
import { useActionForm } from '@/hooks/use-action-form';
import { useRolePage } from '@/hooks/use-role-page';
import { formatDateTime } from '@/utils/format';
import { Action, AdminPage, Cell, Row, Table } from '../../components/admin-page';
import { settingsApi } from '../../services/admin-api';

const chains: ReviewLevel[][] = [
  ['district'],
  ['district', 'city'],
  ['district', 'city', 'province'],
  ['city'],
  ['city', 'province'],
  ['province'],
];
const chainChoices = chains.map((chain) => ({
  value: chain.join('>'),
  label: chain.map((level) => reviewLevelNames[level]).join(' → '),
}));
const routingChoices = choicesOf(routingRuleNames);
const yesNo = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const;
const periodChoices = [
  { value: 'week', label: '按周' },
  { value: 'month', label: '按月' },
] as const;
const groupChoices = choicesOf(materialGroupNames);

const numberLabels = {
  maxValidityDays: '最长有效天数',
  reviewDeadlineWorkingDays: '办理时限（工作日）',
  maxActivePasses: '企业有效通行证上限（不填为不限）',
  passwordMinLength: '工作人员密码最短长度（位）',
  passwordExpiryDays: '工作人员密码有效期（天，不填为不过期）',
  idleTimeoutMinutes: '工作人员空闲超时（分钟）',
};
type NumberField = keyof typeof numberLabels;

/** What the inputs hold: the settings, and their numbers as typed. */
type Draft = { settings: ProvinceSettings } & Record<NumberField, string>;

/** Where the schema puts each number's message. */
const errorPaths: Record<NumberField, string> = {
  maxValidityDays: 'maxValidityDays',
  reviewDeadlineWorkingDays: 'reviewDeadlineWorkingDays',
  maxActivePasses: 'quota.maxActivePassesPerEnterprise',
  passwordMinLength: 'security.passwordMinLength',
  passwordExpiryDays: 'security.passwordExpiryDays',
  idleTimeoutMinutes: 'security.idleTimeoutMinutes',
};

const optionalText = (value: number | null) => (value === null ? '' : String(value));

const draftOf = (settings: ProvinceSettings): Draft => ({
  settings,
  maxValidityDays: String(settings.maxValidityDays),
  reviewDeadlineWorkingDays: String(settings.reviewDeadlineWorkingDays),
  maxActivePasses: optionalText(settings.quota.maxActivePassesPerEnterprise),
  passwordMinLength: String(settings.security.passwordMinLength),
  passwordExpiryDays: optionalText(settings.security.passwordExpiryDays),
  idleTimeoutMinutes: String(settings.security.idleTimeoutMinutes),
});

const integer = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
const optionalInteger = (value: string) => (value.trim() === '' ? null : integer(value));

/** What the schema checks: the settings with the typed numbers put in. */
const settingsOf = (draft: Draft) => ({
  ...draft.settings,
  maxValidityDays: integer(draft.maxValidityDays),
  reviewDeadlineWorkingDays: integer(draft.reviewDeadlineWorkingDays),
  quota: { ...draft.settings.quota, maxActivePassesPerEnterprise: optionalInteger(draft.maxActivePasses) },
  security: {
    passwordMinLength: integer(draft.passwordMinLength),
    passwordExpiryDays: optionalInteger(draft.passwordExpiryDays),
    idleTimeoutMinutes: integer(draft.idleTimeoutMinutes),
  },
});

const historyHead = ['版本', '生效时间', { wide: '最长有效天数 · 办理时限 · 配额' }];
const historyRow = ({ version, updatedAt, settings }: ProvinceSettingsDocument) => ({
  key: version,
  cells: [
    `第${version}版`,
    formatDateTime(updatedAt),
    {
      wide: `${settings.maxValidityDays}天 · ${settings.reviewDeadlineWorkingDays}个工作日 · ${settings.quota.enabled ? '启用配额' : '不启用配额'}`,
    },
  ],
});

/** The province's rules: edit, preview exactly what changes, save as a new version; and the versions so far. */
export default function Settings() {
  /** What the checked draft changes, shown while the draft is the one it was made from (any edit drops it). */
  const [preview, setPreview] = useState<{ from: Draft; changes: SettingsChange[] }>();
  const [category, setCategory] = useState({ code: '', name: '', group: MaterialGroup.Livelihood as MaterialGroup });
  const form = useActionForm({
    schema: provinceSettingsSchema,
    initial: draftOf(defaultProvinceSettings),
    toInput: settingsOf,
    bodyPath: 'settings',
    // Save is offered only under a preview, which needs the loaded document.
    run: (settings) => settingsApi.save({ version: page.data?.current.version ?? 0, settings }),
    done: '已保存并生效',
    failure: '未能保存',
    reset: (draft) => draft,
    after: () => page.reload(),
  });
  const page = useRolePage(Role.Admin, async () => {
    const [current, history] = await Promise.all([settingsApi.current(), settingsApi.history()]);
    form.reset(draftOf(current.settings));
    return { current, history };
  });
  const document = page.data?.current;
  const shown = preview?.from === form.values ? preview : undefined;

  const change = (update: (settings: ProvinceSettings) => ProvinceSettings) =>
    form.set('settings', update(form.values.settings));

  /** What a number's text field needs; its message shows once the user has asked for a preview or saved. */
  const numberField = (key: NumberField, maxlength: number) => ({
    ...form.bind(key),
    label: numberLabels[key],
    type: 'number' as const,
    error: form.errorOf(errorPaths[key]),
    maxlength,
  });
  const categoryField = (key: 'code' | 'name', maxlength: number) => ({
    value: category[key],
    onChange: (value: string) => setCategory({ ...category, [key]: value }),
    maxlength,
  });

  const showPreview = () => {
    if (!document) return;
    const checked = form.validate();
    if (!checked) {
      Taro.showToast({ title: '请修改标红的项目', icon: 'none' });
      return;
    }
    setPreview({ from: form.values, changes: settingsChanges(document.settings, checked) });
  };

  const addCategory = () => {
    change((s) => ({
      ...s,
      extraMaterialCategories: [...s.extraMaterialCategories, { ...category, code: category.code.trim() }],
    }));
    setCategory({ code: '', name: '', group: category.group });
  };

  const categoryErrors = Object.keys(form.errors)
    .filter((path) => path.startsWith('extraMaterialCategories.'))
    .map((path) => [path, form.errorOf(path)] as const)
    .filter(([, message]) => message);

  const s = form.values.settings;
  return (
    <AdminPage title='全省设置' testId='admin-settings' page={page}>
      {document && (
        <Text className='muted' data-testid='settings-version'>
          当前为第{document.version}版，{formatDateTime(document.updatedAt)}
          起生效。保存后各服务器在1秒内生效，无需重启。
        </Text>
      )}
      {document && (
        <View className='card'>
          <TextField required testId='settings-max-days' {...numberField('maxValidityDays', 3)} />
          <TextField required testId='settings-deadline' {...numberField('reviewDeadlineWorkingDays', 2)} />
          <FormField label='审批层级' required bare testId='settings-chain' error={form.errorOf('approvalChain')}>
            <ChoiceChips
              choices={chainChoices}
              value={s.approvalChain.join('>')}
              onChange={(v) => change((x) => ({ ...x, approvalChain: v.split('>') as ReviewLevel[] }))}
            />
          </FormField>
          <FormField label='受理规则' required bare testId='settings-routing'>
            <ChoiceChips
              choices={routingChoices}
              value={s.routing}
              onChange={(v) => change((x) => ({ ...x, routing: v }))}
            />
          </FormField>
          <FormField label='新证自动注销同车旧证' required bare testId='settings-supersede'>
            <ChoiceChips
              choices={yesNo}
              value={s.autoSupersede ? 'yes' : 'no'}
              onChange={(v) => change((x) => ({ ...x, autoSupersede: v === 'yes' }))}
            />
          </FormField>
          <FormField label='启用配额' required bare testId='settings-quota'>
            <ChoiceChips
              choices={yesNo}
              value={s.quota.enabled ? 'yes' : 'no'}
              onChange={(v) => change((x) => ({ ...x, quota: { ...x.quota, enabled: v === 'yes' } }))}
            />
          </FormField>
          <FormField label='配额周期' required bare testId='settings-quota-period'>
            <ChoiceChips
              choices={periodChoices}
              value={s.quota.period}
              onChange={(v) => change((x) => ({ ...x, quota: { ...x.quota, period: v } }))}
            />
          </FormField>
          <TextField testId='settings-cap' {...numberField('maxActivePasses', 6)} />
          <TextField required testId='settings-password-length' {...numberField('passwordMinLength', 2)} />
          <TextField testId='settings-password-expiry' {...numberField('passwordExpiryDays', 3)} />
          <TextField required testId='settings-idle-timeout' {...numberField('idleTimeoutMinutes', 4)} />
          <FormField label='必需材料' bare testId='settings-attachments' error={form.errorOf('requiredAttachments')}>
            <View className='choice-chips'>
              {Object.values(AttachmentKind).map((kind) => {
                const on = s.requiredAttachments.includes(kind);
                return (
                  <View
                    key={kind}
                    className={`choice-chips__chip ${on ? 'choice-chips__chip--selected' : ''}`}
                    role='checkbox'
                    aria-checked={on}
                    onClick={() =>
                      change((x) => ({
                        ...x,
                        requiredAttachments: on
                          ? x.requiredAttachments.filter((k) => k !== kind)
                          : [...x.requiredAttachments, kind],
                      }))
                    }
                  >
                    <Text>{attachmentKindNames[kind]}</Text>
                  </View>
                );
              })}
            </View>
          </FormField>
          <FormField
            label='本省增设物资类别'
            bare
            testId='settings-categories'
            error={form.errorOf('extraMaterialCategories')}
          >
            <View className='admin-table'>
              {s.extraMaterialCategories.map((c, i) => (
                <Row key={c.code}>
                  <Cell>{c.code}</Cell>
                  <Cell wide>{c.name}</Cell>
                  <Cell>{materialGroupNames[c.group]}</Cell>
                  <View className='admin-table__cell'>
                    <Action
                      label='删除'
                      danger
                      onClick={() =>
                        change((x) => ({
                          ...x,
                          extraMaterialCategories: x.extraMaterialCategories.filter((_, j) => j !== i),
                        }))
                      }
                    />
                  </View>
                </Row>
              ))}
            </View>
            {categoryErrors.map(([path, message]) => (
              <Text key={path} className='error-text'>
                {message}
              </Text>
            ))}
            <View className='admin__toolbar'>
              <TextField
                label='类别代码'
                testId='category-code'
                placeholder='如：water_supply'
                {...categoryField('code', 40)}
              />
              <TextField
                label='类别名称'
                testId='category-name'
                placeholder='如：城市供水'
                {...categoryField('name', 30)}
              />
              <ChoiceChips
                choices={groupChoices}
                value={category.group}
                onChange={(group) => setCategory({ ...category, group })}
              />
              <Button size='small' onClick={addCategory}>
                添加类别
              </Button>
            </View>
          </FormField>
        </View>
      )}

      {shown && (
        <View className='card' data-testid='settings-preview'>
          <Text className='card__title'>{shown.changes.length ? '将要变更' : '没有变更'}</Text>
          {shown.changes.map((c) => (
            <View key={c.label} className='admin-table__row' data-testid='settings-change'>
              <Text className='admin-table__cell'>{c.label}</Text>
              <Text className='admin-table__cell admin-table__cell--wide'>
                {c.before} → {c.after}
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className='admin__actions'>
        <Button onClick={showPreview}>预览变更</Button>
        <Button type='primary' disabled={!shown?.changes.length || form.busy} loading={form.busy} onClick={form.submit}>
          确认保存
        </Button>
      </View>

      <Text className='admin__heading'>历次版本</Text>
      <Table testId='settings-history' head={historyHead} rows={page.data?.history.map(historyRow)} />
    </AdminPage>
  );
}
