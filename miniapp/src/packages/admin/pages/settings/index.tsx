import { Button } from '@nutui/nutui-react-taro';
import {
  AttachmentKind,
  attachmentKindNames,
  MaterialGroup,
  materialGroupNames,
  type ProvinceSettings,
  type ProvinceSettingsDocument,
  provinceSettingsSchema,
  type ReviewLevel,
  Role,
  RoutingRule,
  reviewLevelNames,
  routingRuleNames,
  type SettingsChange,
  settingsChanges,
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
import { formatDateTime } from '@/utils/format';
import { showFailure } from '@/utils/messages';
import { Action, AdminPage, Cell, HeadRow, Row } from '../../components/admin-page';
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
const routingChoices = Object.values(RoutingRule).map((value) => ({ value, label: routingRuleNames[value] }));
const yesNo = [
  { value: 'yes', label: '是' },
  { value: 'no', label: '否' },
] as const;
const periodChoices = [
  { value: 'week', label: '按周' },
  { value: 'month', label: '按月' },
] as const;
const groupChoices = Object.values(MaterialGroup).map((value) => ({ value, label: materialGroupNames[value] }));

/** What the inputs hold: numbers as typed. */
interface Draft {
  settings: ProvinceSettings;
  maxValidityDays: string;
  reviewDeadlineWorkingDays: string;
  maxActivePasses: string;
  passwordMinLength: string;
  passwordExpiryDays: string;
  idleTimeoutMinutes: string;
}

type NumberField =
  | 'maxValidityDays'
  | 'reviewDeadlineWorkingDays'
  | 'maxActivePasses'
  | 'passwordMinLength'
  | 'passwordExpiryDays'
  | 'idleTimeoutMinutes';

const numberLabels: Record<NumberField, string> = {
  maxValidityDays: '最长有效天数',
  reviewDeadlineWorkingDays: '办理时限（工作日）',
  maxActivePasses: '企业有效通行证上限（不填为不限）',
  passwordMinLength: '工作人员密码最短长度（位）',
  passwordExpiryDays: '工作人员密码有效期（天，不填为不过期）',
  idleTimeoutMinutes: '工作人员空闲超时（分钟）',
};

/** Where the schema puts each number's message. */
const errorPaths: Record<NumberField, string> = {
  maxValidityDays: 'maxValidityDays',
  reviewDeadlineWorkingDays: 'reviewDeadlineWorkingDays',
  maxActivePasses: 'quota.maxActivePassesPerEnterprise',
  passwordMinLength: 'security.passwordMinLength',
  passwordExpiryDays: 'security.passwordExpiryDays',
  idleTimeoutMinutes: 'security.idleTimeoutMinutes',
};

const draftOf = (settings: ProvinceSettings): Draft => ({
  settings,
  maxValidityDays: String(settings.maxValidityDays),
  reviewDeadlineWorkingDays: String(settings.reviewDeadlineWorkingDays),
  maxActivePasses:
    settings.quota.maxActivePassesPerEnterprise === null ? '' : String(settings.quota.maxActivePassesPerEnterprise),
  passwordMinLength: String(settings.security.passwordMinLength),
  passwordExpiryDays: settings.security.passwordExpiryDays === null ? '' : String(settings.security.passwordExpiryDays),
  idleTimeoutMinutes: String(settings.security.idleTimeoutMinutes),
});

const integer = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));

/** The province's rules: edit, preview exactly what changes, save as a new version; and the versions so far. */
export default function Settings() {
  const [document, setDocument] = useState<ProvinceSettingsDocument>();
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [preview, setPreview] = useState<{ settings: ProvinceSettings; changes: SettingsChange[] }>();
  const [category, setCategory] = useState({ code: '', name: '', group: MaterialGroup.Livelihood as MaterialGroup });
  const [busy, setBusy] = useState(false);
  const page = useRolePage(Role.Admin, async () => {
    const [current, history] = await Promise.all([settingsApi.current(), settingsApi.history()]);
    setDocument(current);
    setDraft(draftOf(current.settings));
    setPreview(undefined);
    return { history };
  });

  const change = (update: (settings: ProvinceSettings) => ProvinceSettings) => {
    setDraft((current) => (current ? { ...current, settings: update(current.settings) } : current));
    setPreview(undefined);
  };
  const setText = (key: NumberField, value: string) => {
    setDraft((current) => (current ? { ...current, [key]: value } : current));
    setPreview(undefined);
  };

  /** What a number's text field needs; its message shows from the last preview or save. */
  const numberField = (key: NumberField, maxlength: number) => ({
    label: numberLabels[key],
    type: 'number' as const,
    value: draft?.[key] ?? '',
    onChange: (value: string) => setText(key, value),
    error: errors[errorPaths[key]],
    maxlength,
  });
  const categoryField = (key: 'code' | 'name', maxlength: number) => ({
    value: category[key],
    onChange: (value: string) => setCategory({ ...category, [key]: value }),
    maxlength,
  });

  const showPreview = () => {
    if (!draft || !document) return;
    const parsed = provinceSettingsSchema.safeParse({
      ...draft.settings,
      maxValidityDays: integer(draft.maxValidityDays),
      reviewDeadlineWorkingDays: integer(draft.reviewDeadlineWorkingDays),
      quota: {
        ...draft.settings.quota,
        maxActivePassesPerEnterprise: draft.maxActivePasses.trim() === '' ? null : integer(draft.maxActivePasses),
      },
      security: {
        passwordMinLength: integer(draft.passwordMinLength),
        passwordExpiryDays: draft.passwordExpiryDays.trim() === '' ? null : integer(draft.passwordExpiryDays),
        idleTimeoutMinutes: integer(draft.idleTimeoutMinutes),
      },
    });
    if (!parsed.success) {
      setErrors(issuesByPath(parsed.error));
      Taro.showToast({ title: '请修改标红的项目', icon: 'none' });
      return;
    }
    setErrors({});
    setPreview({ settings: parsed.data, changes: settingsChanges(document.settings, parsed.data) });
  };

  const save = async () => {
    if (!preview || !document) return;
    setBusy(true);
    try {
      await settingsApi.save({ version: document.version, settings: preview.settings });
      Taro.showToast({ title: '已保存并生效', icon: 'success' });
      await page.reload();
    } catch (error) {
      if (error instanceof ApiError) {
        setErrors(
          Object.fromEntries(
            Object.entries(error.fieldErrors).map(([path, m]) => [path.replace(/^settings\./, ''), m]),
          ),
        );
      }
      showFailure('未能保存', error);
    } finally {
      setBusy(false);
    }
  };

  const addCategory = () => {
    change((s) => ({
      ...s,
      extraMaterialCategories: [...s.extraMaterialCategories, { ...category, code: category.code.trim() }],
    }));
    setCategory({ code: '', name: '', group: category.group });
  };

  const s = draft?.settings;
  return (
    <AdminPage title='全省设置' testId='admin-settings' page={page}>
      {document && (
        <Text className='muted' data-testid='settings-version'>
          当前为第{document.version}版，{formatDateTime(document.updatedAt)}
          起生效。保存后各服务器在1秒内生效，无需重启。
        </Text>
      )}
      {draft && s && (
        <View className='card'>
          <TextField required testId='settings-max-days' {...numberField('maxValidityDays', 3)} />
          <TextField required testId='settings-deadline' {...numberField('reviewDeadlineWorkingDays', 2)} />
          <FormField label='审批层级' required bare testId='settings-chain' error={errors.approvalChain}>
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
          <FormField label='必需材料' bare testId='settings-attachments' error={errors.requiredAttachments}>
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
          <FormField label='本省增设物资类别' bare testId='settings-categories' error={errors.extraMaterialCategories}>
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
            {Object.entries(errors)
              .filter(([path]) => path.startsWith('extraMaterialCategories.'))
              .map(([path, message]) => (
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

      {preview && (
        <View className='card' data-testid='settings-preview'>
          <Text className='card__title'>{preview.changes.length ? '将要变更' : '没有变更'}</Text>
          {preview.changes.map((c) => (
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
        <Button type='primary' disabled={!preview?.changes.length || busy} loading={busy} onClick={save}>
          确认保存
        </Button>
      </View>

      <Text className='admin__heading'>历次版本</Text>
      <View className='admin-table' data-testid='settings-history'>
        <HeadRow cells={['版本', '生效时间', { wide: '最长有效天数 · 办理时限 · 配额' }]} />
        {(page.data?.history ?? []).map((version) => (
          <Row key={version.version}>
            <Cell>第{version.version}版</Cell>
            <Cell>{formatDateTime(version.updatedAt)}</Cell>
            <Cell wide>
              {version.settings.maxValidityDays}天 · {version.settings.reviewDeadlineWorkingDays}个工作日 ·{' '}
              {version.settings.quota.enabled ? '启用配额' : '不启用配额'}
            </Cell>
          </Row>
        ))}
      </View>
    </AdminPage>
  );
}
