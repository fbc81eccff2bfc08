import { type ApplicationView, findMaterialCategory, formatPlate, regionFullName } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import { StatusTag } from '@/components/status-tag';
import { formatDateTime } from '@/utils/format';
import './index.scss';

export interface ApplicationCardProps {
  application: ApplicationView;
  /** Plate of the application's vehicle, looked up in the registry. */
  plate: string | undefined;
  onOpen: () => void;
}

const placeName = (code: string | null) => (code ? (regionFullName(code) ?? code) : '未填写');

export function ApplicationCard({ application, plate, onOpen }: ApplicationCardProps) {
  const category = application.materialCategory ? findMaterialCategory(application.materialCategory)?.name : undefined;
  return (
    <View className='application-card' role='button' aria-role='button' onClick={onOpen} data-testid='application-card'>
      <View className='application-card__top'>
        <Text className='application-card__plate'>{plate ? formatPlate(plate) : '未选择车辆'}</Text>
        <StatusTag status={application.status} />
      </View>
      <Text className='application-card__route'>
        {placeName(application.originCode)} → {placeName(application.destinationCode)}
      </Text>
      <Text className='application-card__meta'>
        {category ?? '未选择物资类别'}
        {application.validFrom && application.validTo ? ` · ${application.validFrom} 至 ${application.validTo}` : ''}
      </Text>
      <Text className='application-card__meta'>
        {application.submittedAt
          ? `提交于 ${formatDateTime(application.submittedAt)}`
          : `创建于 ${formatDateTime(application.createdAt)}`}
      </Text>
    </View>
  );
}
