import { Text, View } from '@tarojs/components';
import { FlagTag } from '../form-field';
import './index.scss';

/** Class names of a row, its label and its value, for screens that lay facts out their own way. */
export interface DetailRowClasses {
  row: string;
  label: string;
  value: string;
}

const plain: DetailRowClasses = { row: 'detail-row', label: 'detail-row__label', value: 'detail-row__value' };

/** A label and its value, one line of a detail card. */
export function DetailRow({
  label,
  value,
  testId,
  classes = plain,
  flagged,
}: {
  label: string;
  value: string;
  testId?: string;
  classes?: DetailRowClasses;
  /** A reviewer asked for it to be corrected: 需修改 beside the value. */
  flagged?: boolean;
}) {
  return (
    <View className={classes.row} data-testid={testId}>
      <Text className={classes.label}>{label}</Text>
      <Text className={classes.value}>{value}</Text>
      {flagged && <FlagTag />}
    </View>
  );
}
