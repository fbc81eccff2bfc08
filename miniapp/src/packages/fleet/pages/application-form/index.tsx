import { Button } from '@nutui/nutui-react-taro';
import {
  type ApplicationView,
  AttachmentKind,
  type AttachmentView,
  applicationDraftSchema,
  attachmentKindNames,
  chinaToday,
  createApplicationSchema,
  crewHasDriver,
  crewRoleNames,
  type DriverView,
  defaultStaffSecurity,
  documentHolderOf,
  documentNeeds,
  documentProblems,
  type EnterpriseView,
  formatPlate,
  heldDocumentFor,
  materialCategoriesOf,
  maxCrewSize,
  maxWaypoints,
  type ProvinceSettings,
  plateColourNames,
  QuantityUnit,
  quantityUnitNames,
  Role,
  regionFullName,
  type VehicleView,
  vehicleTypes,
} from '@pass/shared';
import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useMemo, useRef, useState } from 'react';
import { ChoiceField } from '@/components/choice-chips';
import { Denied } from '@/components/denied';
import { FlagTag, FormField } from '@/components/form-field';
import { Screen } from '@/components/screen';
import { Section } from '@/components/section';
import { TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { issuesByPath, useSchemaForm } from '@/hooks/use-schema-form';
import { loadProvinceSettings } from '@/services/province-settings';
import { routes, withQuery } from '@/services/routes';
import { askForSubscriptions, prepareSubscriptions } from '@/services/subscribe-messages';
import { newIdempotencyKey } from '@/utils/idempotency-key';
import { fieldLabel } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { AttachmentUploader } from '../../components/attachment-uploader';
import { DayStepper } from '../../components/day-stepper';
import { OptionSheetField } from '../../components/option-sheet-field';
import { RegionField } from '../../components/region-field';
import { applicationsApi, attachmentsApi, driversApi, enterpriseApi, vehiclesApi } from '../../services/fleet-api';
import { draftInput, emptyApplication, fromView, partyOf, submissionInput, validToOf } from './form-values';
import { HeldDocuments } from './held-documents';
import { PartyFields } from './party-fields';
import { SelectList } from './select-list';
import './index.scss';

const unitChoices = Object.values(QuantityUnit).map((value) => ({ value, label: quantityUnitNames[value] }));

/** Until the province's rules are known nothing can be checked against them, and nothing is sent. */
const placeholderSettings: ProvinceSettings = {
  provinceCode: '110000',
  maxValidityDays: 1,
  extraMaterialCategories: [],
  reviewDeadlineWorkingDays: 1,
  approvalChain: ['district'],
  autoSupersede: false,
  quota: { enabled: false, period: 'week', maxActivePassesPerEnterprise: null },
  routing: 'enterprise_district',
  requiredAttachments: [],
  security: defaultStaffSecurity,
};

interface Registry {
  vehicles: VehicleView[];
  drivers: DriverView[];
  /** The documents the vehicles and people hold. */
  held: AttachmentView[];
  enterprise?: EnterpriseView;
}

const parties = [
  { path: 'consignor', title: '发货单位' },
  { path: 'consignee', title: '收货单位' },
] as const;

/**
 * A new application, or the correction of a draft or returned one (`?id=`), on one screen: vehicle
 * and crew are picked from the registry, places from the region picker, validity as a start date
 * and a number of days that cannot exceed the province's maximum.
 */
const descriptionInput = { placeholder: '如：大米、食用油', maxlength: 200 };

export default function ApplicationForm() {
  const today = chinaToday();
  const [loaded, setLoaded] = useState<ProvinceSettings>();
  const settings = loaded ?? placeholderSettings;
  const schema = useMemo(() => createApplicationSchema(settings, { today }), [settings, today]);
  const form = useSchemaForm({ schema, initial: emptyApplication(settings.maxValidityDays), toInput: submissionInput });
  const categoryOptions = useMemo(
    () => materialCategoriesOf(settings).map((c) => ({ value: c.code, label: c.name })),
    [settings],
  );
  /**
   * What comes with each application, required kinds first: the vehicle's and people's own documents
   * are not asked for again (only shown, when an older application carries them, so they can be removed).
   */
  const attachmentKinds = [
    ...settings.requiredAttachments,
    ...Object.values(AttachmentKind).filter((kind) => !settings.requiredAttachments.includes(kind)),
  ].filter((kind) => !documentHolderOf(kind) || form.values.attachments.some((a) => a.kind === kind));
  const maxValidityDays = settings.maxValidityDays;
  const { values, set, blur, bind, field, errorOf } = form;
  const [application, setApplication] = useState<ApplicationView>();
  const [registry, setRegistry] = useState<Registry>({ vehicles: [], drivers: [], held: [] });
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  /** One key per new application, so a double tap or a retried request creates a single draft. */
  const idempotencyKey = useRef(newIdempotencyKey());

  const loadRegistry = async () => {
    const [vehicles, drivers, held, enterprise] = await Promise.all([
      vehiclesApi.list(),
      driversApi.list(),
      attachmentsApi.held(),
      enterpriseApi.mine().catch(() => undefined),
    ]);
    setRegistry({ vehicles, drivers, held, enterprise });
  };

  const id = useRouter().params.id || undefined;
  const opened = useRef(false);

  const open = async () => {
    if (id) Taro.setNavigationBarTitle({ title: '修改申请' });
    try {
      const rules = (await loadProvinceSettings()).settings;
      setLoaded(rules);
      if (!id) {
        form.setValues((current) => ({ ...current, validDays: rules.maxValidityDays }));
        return;
      }
      const [app, attachments] = await Promise.all([applicationsApi.get(id), attachmentsApi.list()]);
      setApplication(app);
      form.setValues(fromView(app, attachments, rules.maxValidityDays));
    } catch (error) {
      showFailure('无法打开申请', error);
    }
  };

  // Opens the application once; back from registering a vehicle or a driver, shows it in the lists
  // (and applies rules changed meanwhile).
  const page = useRolePage(Role.FleetManager, async () => {
    prepareSubscriptions();
    loadRegistry().catch(() => undefined);
    if (!opened.current) {
      opened.current = true;
      await open();
      return;
    }
    if (!loaded) return;
    loadProvinceSettings()
      .then(({ settings: rules }) => {
        setLoaded(rules);
        form.setValues((current) => ({ ...current, validDays: Math.min(current.validDays, rules.maxValidityDays) }));
      })
      .catch(() => undefined);
  });

  const flagged = (field: string) => application?.fieldsToFix.includes(field) ?? false;
  /** A text field the reviewer may have asked to correct. */
  const fixable = (key: 'materialDescription' | 'quantity') => ({ ...field(key), flagged: flagged(key) });
  /** A picker the reviewer may have asked to correct. */
  const fixablePick = <K extends 'materialCategory' | 'quantityUnit' | 'originCode' | 'destinationCode'>(key: K) => ({
    ...bind(key),
    flagged: flagged(key),
  });
  const isReturned = application?.status === 'returned';

  const selectedDrivers = registry.drivers.filter((d) => values.crewDriverIds.includes(d.id));
  const crewError =
    errorOf('crewDriverIds') ??
    (form.submitted && selectedDrivers.length > 0 && !crewHasDriver(selectedDrivers.map((d) => d.role))
      ? '司乘人员中至少应有一名驾驶员'
      : undefined);
  const missingKinds = settings.requiredAttachments.filter(
    (kind) => !documentHolderOf(kind) && !values.attachments.some((a) => a.kind === kind),
  );
  // The vehicle's and crew's documents, checked as the server will check them on submission.
  const documents = documentNeeds(
    settings.requiredAttachments,
    registry.vehicles.find((v) => v.id === values.vehicleId) ?? null,
    selectedDrivers,
  ).map((need) => ({ need, document: heldDocumentFor(need, registry.held) }));
  const documentIssues = documentProblems(
    documents.map((d) => d.need),
    registry.held,
    {
      today,
      validTo: validToOf(values),
      attachedKinds: values.attachments.filter((a) => !a.vehicleId && !a.driverId).map((a) => a.kind),
    },
  );
  const attachmentsError =
    errorOf('attachmentIds') ??
    (form.submitted && missingKinds.length
      ? `请上传${missingKinds.map((k) => attachmentKindNames[k]).join('、')}`
      : undefined);

  const toggleCrew = (id: string) => {
    const current = values.crewDriverIds;
    if (current.includes(id))
      set(
        'crewDriverIds',
        current.filter((d) => d !== id),
      );
    else if (current.length < maxCrewSize) set('crewDriverIds', [...current, id]);
    else Taro.showToast({ title: `司乘人员最多${maxCrewSize}人`, icon: 'none' });
  };

  const addWaypoint = (code: string) => {
    if (values.waypointCodes.includes(code)) return;
    set('waypointCodes', [...values.waypointCodes, code]);
  };

  /** Creates the draft on first save, updates it afterwards. */
  const persist = async (): Promise<ApplicationView | null> => {
    const parsed = applicationDraftSchema.safeParse(draftInput(values));
    if (!parsed.success) {
      form.setServerErrors(issuesByPath(parsed.error));
      return null;
    }
    const saved = application
      ? await applicationsApi.update(application.id, parsed.data)
      : await applicationsApi.create(parsed.data, idempotencyKey.current);
    setApplication(saved);
    return saved;
  };

  const saveDraft = async () => {
    setBusy('save');
    try {
      if (await persist()) Taro.showToast({ title: isReturned ? '已保存修改' : '草稿已保存', icon: 'success' });
      else Taro.showToast({ title: '请修改标红的项目', icon: 'none' });
    } catch (error) {
      if (!form.showServerErrors(error)) showFailure('未能保存', error);
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    const complete = form.validate();
    const incomplete = crewError || missingKinds.length > 0 || documentIssues.length > 0;
    if (!complete || incomplete || !crewHasDriver(selectedDrivers.map((d) => d.role))) {
      Taro.showToast({ title: '请按提示补全或修改标红的项目', icon: 'none' });
      return;
    }
    // WeChat asks only within the tap: before anything is awaited.
    askForSubscriptions();
    setBusy('submit');
    try {
      const saved = await persist();
      if (!saved) return;
      const done =
        saved.status === 'returned' ? await applicationsApi.resubmit(saved.id) : await applicationsApi.submit(saved.id);
      Taro.showToast({ title: '已提交', icon: 'success' });
      // Opened from the application's detail page (修改): go back to it, it reloads on show.
      const pages = Taro.getCurrentPages();
      const previous = pages[pages.length - 2];
      // (H5 gives the first page of a session no options; an id there can only be this one.)
      if (previous?.route?.includes('application-detail') && (previous.options?.id ?? done.id) === done.id) {
        await Taro.navigateBack();
      } else {
        await Taro.redirectTo({ url: withQuery(routes.applicationDetail, { id: done.id }) });
      }
    } catch (error) {
      form.showServerErrors(error);
      showFailure('未能提交', error);
    } finally {
      setBusy(null);
    }
  };

  const goRegister = (url: string) => Taro.navigateTo({ url });

  if (page.denied) return <Denied who='车队管理员' />;

  return (
    <Screen className='screen application-form'>
      {isReturned && application?.lastReason && (
        <View className='application-form__returned' data-testid='return-reason'>
          <Text className='application-form__returned-title'>退回原因：{application.lastReason}</Text>
          {application.fieldsToFix.length > 0 && (
            <Text>需修改：{application.fieldsToFix.map(fieldLabel).join('、')}</Text>
          )}
        </View>
      )}

      <Section title='车辆与司乘人员'>
        <FormField
          label='车辆'
          required
          bare
          testId='vehicle'
          error={errorOf('vehicleId')}
          flagged={flagged('vehicleId')}
        >
          {registry.vehicles.length ? (
            <SelectList
              testId='vehicle-options'
              items={registry.vehicles.map((v) => ({
                id: v.id,
                title: formatPlate(v.plate),
                description: `${plateColourNames[v.plateColour]} · ${vehicleTypes[v.vehicleType].name}`,
              }))}
              selected={[values.vehicleId]}
              onToggle={(id) => set('vehicleId', id)}
            />
          ) : (
            <View className='application-form__empty'>
              <Text className='muted'>还没有登记车辆</Text>
              <Button size='small' type='primary' fill='outline' onClick={() => goRegister(routes.vehicleForm)}>
                登记车辆
              </Button>
            </View>
          )}
        </FormField>
        <FormField
          label={`司乘人员（最多${maxCrewSize}人，须含驾驶员）`}
          required
          bare
          testId='crew'
          error={crewError}
          flagged={flagged('crewDriverIds')}
        >
          {registry.drivers.length ? (
            <SelectList
              testId='crew-options'
              multiple
              items={registry.drivers.map((d) => ({
                id: d.id,
                title: `${d.name}（${crewRoleNames[d.role]}）`,
                description: `身份证 ${d.idNumber}`,
              }))}
              selected={values.crewDriverIds}
              onToggle={toggleCrew}
            />
          ) : (
            <View className='application-form__empty'>
              <Text className='muted'>还没有登记司乘人员</Text>
              <Button size='small' type='primary' fill='outline' onClick={() => goRegister(routes.driverForm)}>
                登记人员
              </Button>
            </View>
          )}
        </FormField>
      </Section>

      <Section title='运输物资'>
        <OptionSheetField
          label='物资类别'
          required
          testId='material-category'
          options={categoryOptions}
          {...fixablePick('materialCategory')}
        />
        <TextField
          label='物资名称及说明'
          required
          testId='material-description'
          {...descriptionInput}
          {...fixable('materialDescription')}
        />
        <TextField label='数量' required testId='quantity' type='digit' maxlength={10} {...fixable('quantity')} />
        <ChoiceField
          label='单位'
          required
          testId='quantity-unit'
          choices={unitChoices}
          {...fixablePick('quantityUnit')}
        />
      </Section>

      {parties.map(({ path, title }) => (
        <Section key={path} title={title} flagged={flagged(path)} testId={`${path}-section`}>
          <PartyFields
            path={path}
            value={values[path]}
            onChange={(party) => set(path, party)}
            onBlur={blur}
            errorOf={errorOf}
            onFillOwn={registry.enterprise ? () => set(path, partyOf(registry.enterprise!)) : undefined}
          />
        </Section>
      ))}

      <Section title='通行线路'>
        <RegionField label='始发地' required testId='origin' {...fixablePick('originCode')} />
        <RegionField label='目的地' required testId='destination' {...fixablePick('destinationCode')} />
        {values.waypointCodes.map((code, index) => (
          <View key={code} className='application-form__waypoint' data-testid='waypoint'>
            <Text>
              途经地{index + 1}：{regionFullName(code) ?? code}
            </Text>
            <View
              className='application-form__remove'
              role='button'
              aria-role='button'
              aria-label={`移除途经地${index + 1}`}
              onClick={() =>
                set(
                  'waypointCodes',
                  values.waypointCodes.filter((c) => c !== code),
                )
              }
            >
              移除
            </View>
          </View>
        ))}
        {values.waypointCodes.length < maxWaypoints ? (
          <RegionField
            label='途经地（选填）'
            testId='waypoint-add'
            placeholder='添加途经地'
            value=''
            onChange={addWaypoint}
            error={errorOf('waypointCodes')}
            flagged={flagged('waypointCodes')}
          />
        ) : (
          flagged('waypointCodes') && (
            <View className='application-form__waypoint' data-testid='waypoint-add'>
              <Text>途经地（已达{maxWaypoints}个）</Text>
              <FlagTag />
            </View>
          )
        )}
      </Section>

      <Section title='有效期'>
        <FormField
          label='开始日期'
          required
          testId='valid-from'
          error={errorOf('validFrom')}
          flagged={flagged('validFrom')}
        >
          <Picker
            className='application-form__date'
            mode='date'
            value={values.validFrom}
            start={today}
            onChange={(event) => set('validFrom', String(event.detail.value))}
          >
            <View className='application-form__picker'>
              <Text>{values.validFrom}</Text>
              <Text className='muted'>更改 ›</Text>
            </View>
          </Picker>
        </FormField>
        <FormField
          label={`有效天数（本省最长${maxValidityDays}天）`}
          required
          bare
          testId='valid-days'
          error={errorOf('validTo')}
          flagged={flagged('validTo')}
        >
          <View className='application-form__days'>
            <DayStepper value={values.validDays} max={maxValidityDays} onChange={(days) => set('validDays', days)} />
            <Text className='application-form__until' data-testid='valid-to'>
              有效期至 {validToOf(values)}
            </Text>
          </View>
        </FormField>
      </Section>

      <Section title='车辆与人员证件' testId='held-documents'>
        <HeldDocuments documents={documents} problems={documentIssues} onOpen={goRegister} />
      </Section>

      <Section title='证明材料' flagged={flagged('attachmentIds')} testId='attachments-section'>
        <View className='muted'>支持 JPG、PNG 图片或 PDF，每个文件不超过10MB。带 * 的为本省必需材料。</View>
        {attachmentKinds.map((kind) => (
          <AttachmentUploader
            key={kind}
            kind={kind}
            required={settings.requiredAttachments.includes(kind)}
            attachments={values.attachments.filter((a) => a.kind === kind)}
            onUploaded={(attachment) => set('attachments', [...values.attachments, attachment])}
            onRemove={(id) =>
              set(
                'attachments',
                values.attachments.filter((a) => a.id !== id),
              )
            }
          />
        ))}
        {attachmentsError && (
          <Text className='error-text' data-testid='attachments-error'>
            {attachmentsError}
          </Text>
        )}
      </Section>

      <View className='action-bar'>
        <Button size='large' loading={busy === 'save'} disabled={busy !== null || !loaded} onClick={saveDraft}>
          {isReturned ? '保存修改' : '保存草稿'}
        </Button>
        <Button
          type='primary'
          size='large'
          loading={busy === 'submit'}
          disabled={busy !== null || !loaded}
          onClick={submit}
        >
          {isReturned ? '重新提交' : '提交申请'}
        </Button>
      </View>
    </Screen>
  );
}
