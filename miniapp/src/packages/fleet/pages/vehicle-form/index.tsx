import {
  AttachmentKind,
  PlateColour,
  parsePlate,
  plateColourNames,
  plateColoursByKind,
  Role,
  VehicleType,
  vehicleSchema,
  vehicleTypes,
} from '@pass/shared';
import { View } from '@tarojs/components';
import { useRef } from 'react';
import { ChoiceField } from '@/components/choice-chips';
import { Denied } from '@/components/denied';
import { FormActions } from '@/components/form-actions';
import { Screen } from '@/components/screen';
import { Section } from '@/components/section';
import { TextField } from '@/components/text-field';
import { useEntityForm } from '@/hooks/use-entity-form';
import { cachedProvinceSettings, loadProvinceSettings } from '@/services/province-settings';
import { HeldDocumentField, useHeldDocument } from '../../components/held-document-field';
import { OptionSheetField } from '../../components/option-sheet-field';
import { PlateInput } from '../../components/plate-input';
import { enterpriseApi, vehiclesApi } from '../../services/fleet-api';
import { plateAbbreviationOf } from '../../utils/regions';

interface VehicleFormValues extends Record<string, unknown> {
  plate: string;
  plateColour: PlateColour | '';
  vehicleType: VehicleType | '';
  transportLicenseNumber: string;
  vin: string;
}

const empty: VehicleFormValues = { plate: '', plateColour: '', vehicleType: '', transportLicenseNumber: '', vin: '' };

const toInput = (values: VehicleFormValues) => ({
  plate: values.plate,
  plateColour: values.plateColour || undefined,
  vehicleType: values.vehicleType || undefined,
  transportLicenseNumber: values.transportLicenseNumber,
  vin: values.vin.trim() || undefined,
});

const colourChoices = Object.values(PlateColour).map((value) => ({ value, label: plateColourNames[value] }));
const typeOptions = Object.values(VehicleType).map((value) => ({ value, label: vehicleTypes[value].name }));
const upper = (value: string) => value.toUpperCase();

async function loadVehicle(id: string): Promise<VehicleFormValues> {
  const vehicle = await vehiclesApi.get(id);
  return { ...vehicle, vin: vehicle.vin ?? '' };
}

/** The plate's province offered first: the enterprise's own, otherwise the province this system serves. */
async function plateProvince(): Promise<string | undefined> {
  const [enterprise, settings] = await Promise.all([
    enterpriseApi.mine().catch(() => undefined),
    loadProvinceSettings().catch(() => undefined),
  ]);
  return plateAbbreviationOf(enterprise?.districtCode) ?? plateAbbreviationOf(settings?.settings.provinceCode);
}

const licenceKind = AttachmentKind.VehicleLicence;

/** Adds a vehicle to the registry, or edits one (`?id=`), with its 行驶证. */
export default function VehicleForm() {
  const licence = useHeldDocument();
  /** A new vehicle saved while its 行驶证 failed to upload: saving again updates it. */
  const created = useRef<string>();
  const form = useEntityForm({
    role: Role.FleetManager,
    schema: vehicleSchema,
    initial: empty,
    toInput,
    editTitle: '修改车辆',
    load: async (id) => {
      const [values] = await Promise.all([loadVehicle(id), licence.load((doc) => doc.vehicleId === id)]);
      return values;
    },
    extra: (_account, id) => (id ? Promise.resolve(undefined) : plateProvince()),
    save: async (vehicle, id) => {
      const target = id ?? created.current;
      const saved = target ? await vehiclesApi.update(target, vehicle) : await vehiclesApi.create(vehicle);
      created.current = saved.id;
      await licence.save(licenceKind, { vehicleId: saved.id });
    },
    remove: { title: '删除车辆', content: '删除后不能恢复；已用于申请的车辆不能删除。', run: vehiclesApi.remove },
  });
  const licenceRequired = cachedProvinceSettings()?.settings.requiredAttachments.includes(licenceKind) ?? false;
  /** The document's own check first, so a wrong expiry keeps the vehicle from being saved alone. */
  const save = () => {
    if (licence.check()) form.save();
    else form.validate();
  };
  const { values, set, field, bind, blur, errorOf } = form;
  const defaultProvince = form.extra ?? plateAbbreviationOf(cachedProvinceSettings()?.settings.provinceCode) ?? '';

  /** A new-energy plate has only one possible colour: fill it in. */
  const changePlate = (plate: string) => {
    set('plate', plate);
    const parsed = parsePlate(plate);
    const colours = parsed.ok ? plateColoursByKind[parsed.value.kind] : [];
    if (colours.length === 1) set('plateColour', colours[0]!);
  };

  if (form.page.denied) return <Denied who='车队管理员' />;

  return (
    <Screen className='screen'>
      <View className='card'>
        <PlateInput
          label='车牌号码'
          required
          testId='plate'
          hint='半挂车等汽车列车只填写牵引车的车牌'
          value={values.plate}
          defaultProvince={defaultProvince}
          onChange={changePlate}
          onBlur={() => blur('plate')}
          error={errorOf('plate')}
        />
        <ChoiceField label='车牌颜色' required testId='plate-colour' choices={colourChoices} {...bind('plateColour')} />
        <OptionSheetField
          label='车辆类型'
          required
          testId='vehicle-type'
          options={typeOptions}
          {...bind('vehicleType')}
        />
        <TextField
          label='道路运输证号'
          required
          testId='transport-license'
          normalise={upper}
          {...field('transportLicenseNumber')}
        />
        <TextField
          label='车辆识别代号（VIN）'
          testId='vin'
          hint='选填，行驶证上的17位代号'
          maxlength={17}
          normalise={upper}
          {...field('vin')}
        />
      </View>
      <Section title='证件'>
        <HeldDocumentField kind={licenceKind} required={licenceRequired} document={licence} />
      </Section>
      <FormActions busy={form.busy} onSave={save} onRemove={form.editing ? form.remove : undefined} />
    </Screen>
  );
}
