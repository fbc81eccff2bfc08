import { CrewRole } from '../crew.js';
import { checkPlateColour, parsePlate } from '../validation/plate.js';
import { plateColourMismatch, VehicleType } from '../vehicle-types.js';
import { z } from '../zod.js';
import {
  countyCodeSchema,
  creditCodeSchema,
  idNumberSchema,
  personNameField,
  phoneSchema,
  plateColourSchema,
  plateSchema,
  textField,
  transportLicenseNumberSchema,
  vinSchema,
} from './fields.js';

/** An enterprise registers once; its district decides, by default, who reviews its applications. */
export const enterpriseRegistrationSchema = z.object({
  creditCode: creditCodeSchema,
  name: textField('企业名称', 2, 100),
  address: textField('企业地址', 5, 200),
  contactName: personNameField('联系人姓名'),
  contactPhone: phoneSchema,
  districtCode: countyCodeSchema,
});

export type EnterpriseRegistrationInput = z.input<typeof enterpriseRegistrationSchema>;
export type EnterpriseRegistration = z.output<typeof enterpriseRegistrationSchema>;

export const vehicleSchema = z
  .object({
    /** For an articulated truck, the tractor's plate only. */
    plate: plateSchema,
    plateColour: plateColourSchema,
    vehicleType: z.enum(VehicleType, '请选择车辆类型').meta({ title: '车辆类型' }),
    transportLicenseNumber: transportLicenseNumberSchema,
    vin: vinSchema.optional(),
  })
  .superRefine((vehicle, ctx) => {
    const plate = parsePlate(vehicle.plate);
    const colourCheck = plate.ok ? checkPlateColour(plate.value, vehicle.plateColour) : undefined;
    if (colourCheck && !colourCheck.ok) {
      ctx.addIssue({ code: 'custom', path: ['plateColour'], message: colourCheck.message });
      return;
    }
    const mismatch = plateColourMismatch(vehicle.vehicleType, vehicle.plateColour);
    if (mismatch) ctx.addIssue({ code: 'custom', path: ['plateColour'], message: mismatch });
  });

export type VehicleInput = z.input<typeof vehicleSchema>;
export type Vehicle = z.output<typeof vehicleSchema>;

/** A driver, co-driver or escort; the same person is registered once per enterprise. */
export const driverSchema = z.object({
  name: personNameField(),
  idNumber: idNumberSchema,
  phone: phoneSchema,
  role: z.enum(CrewRole, '请选择人员类型').meta({ title: '人员类型' }),
});

export type DriverInput = z.input<typeof driverSchema>;
export type Driver = z.output<typeof driverSchema>;
