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
import { ChoiceField } from '@/components/choice-chips';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import { TextField } from '@/components/text-field';
import { cachedProvinceSettings, loadProvinceSettings } from '@/services/province-settings';
import { HolderFormEnd, useHolderForm } from '../../components/holder-form';
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

/** Adds a vehicle to the registry, or edits one (`?id=`), with its 行驶证. */
export default function VehicleForm() {
  const form = useHolderForm({
    role: Role.FleetManager,
    schema: vehicleSchema,
    initial: empty,
    toInput,
    editTitle: '修改车辆',
    load: loadVehicle,
    api: vehiclesApi,
    holder: 'vehicleId',
    documentKind: () => AttachmentKind.VehicleLicence,
    extra: (_account, id) => (id ? Promise.resolve(undefined) : plateProvince()),
    remove: { title: '删除车辆', content: '删除后不能恢复；已用于申请的车辆不能删除。', run: vehiclesApi.remove },
  });
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
      <HolderFormEnd form={form} />
    </Screen>
  );
}
