import {
  PlateColour,
  parsePlate,
  plateColourNames,
  plateColoursByKind,
  VehicleType,
  type VehicleView,
  vehicleSchema,
  vehicleTypes,
} from '@pass/shared';
import { View } from '@tarojs/components';
import Taro, { useLoad } from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '@/components/choice-chips';
import { FormField } from '@/components/form-field';
import { TextField } from '@/components/text-field';
import { useSchemaForm } from '@/hooks/use-schema-form';
import { cachedProvinceSettings, loadProvinceSettings } from '@/services/province-settings';
import { Button } from '@/ui/button';
import { showFailure } from '@/utils/messages';
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

/** Adds a vehicle to the registry, or edits one (`?id=`). */
export default function VehicleForm() {
  const [id, setId] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [defaultProvince, setDefaultProvince] = useState(
    plateAbbreviationOf(cachedProvinceSettings()?.settings.provinceCode) ?? '',
  );
  const form = useSchemaForm({ schema: vehicleSchema, initial: empty, toInput });
  const { values, set, blur, errorOf } = form;

  useLoad(async (query: Record<string, string | undefined>) => {
    if (query.id) {
      Taro.setNavigationBarTitle({ title: '修改车辆' });
      setId(query.id);
      const vehicle: VehicleView = await vehiclesApi.get(query.id);
      form.setValues({ ...vehicle, vin: vehicle.vin ?? '' });
    } else {
      // The enterprise's own province first; the province this system serves otherwise.
      const [enterprise, settings] = await Promise.all([
        enterpriseApi.mine().catch(() => undefined),
        loadProvinceSettings().catch(() => undefined),
      ]);
      const abbreviation =
        plateAbbreviationOf(enterprise?.districtCode) ?? plateAbbreviationOf(settings?.settings.provinceCode);
      if (abbreviation) setDefaultProvince(abbreviation);
    }
  });

  /** A new-energy plate has only one possible colour: fill it in. */
  const changePlate = (plate: string) => {
    set('plate', plate);
    const parsed = parsePlate(plate);
    const colours = parsed.ok ? plateColoursByKind[parsed.value.kind] : [];
    if (colours.length === 1) set('plateColour', colours[0]!);
  };

  const save = async () => {
    const vehicle = form.validate();
    if (!vehicle) return;
    setBusy(true);
    try {
      if (id) await vehiclesApi.update(id, vehicle);
      else await vehiclesApi.create(vehicle);
      Taro.showToast({ title: '已保存', icon: 'success' });
      await Taro.navigateBack();
    } catch (error) {
      if (!form.showServerErrors(error)) {
        showFailure('未能保存', error);
      }
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!id) return;
    const { confirm } = await Taro.showModal({
      title: '删除车辆',
      content: '删除后不能恢复；已用于申请的车辆不能删除。',
    });
    if (!confirm) return;
    try {
      await vehiclesApi.remove(id);
      await Taro.navigateBack();
    } catch (error) {
      showFailure('未能删除', error);
    }
  };

  return (
    <View className='screen'>
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
        <FormField label='车牌颜色' required bare testId='plate-colour' error={errorOf('plateColour')}>
          <ChoiceChips
            choices={colourChoices}
            value={values.plateColour || undefined}
            onChange={(c) => set('plateColour', c)}
          />
        </FormField>
        <OptionSheetField
          label='车辆类型'
          required
          testId='vehicle-type'
          options={typeOptions}
          value={values.vehicleType}
          onChange={(type) => set('vehicleType', type)}
          error={errorOf('vehicleType')}
        />
        <TextField
          label='道路运输证号'
          required
          testId='transport-license'
          value={values.transportLicenseNumber}
          normalise={upper}
          onChange={(v) => set('transportLicenseNumber', v)}
          onBlur={() => blur('transportLicenseNumber')}
          error={errorOf('transportLicenseNumber')}
        />
        <TextField
          label='车辆识别代号（VIN）'
          testId='vin'
          hint='选填，行驶证上的17位代号'
          maxlength={17}
          value={values.vin}
          normalise={upper}
          onChange={(v) => set('vin', v)}
          onBlur={() => blur('vin')}
          error={errorOf('vin')}
        />
      </View>
      <View className='action-bar'>
        {id && (
          <Button fill='outline' type='danger' size='large' onClick={remove}>
            删除
          </Button>
        )}
        <Button type='primary' size='large' loading={busy} disabled={busy} onClick={save}>
          保存
        </Button>
      </View>
    </View>
  );
}
