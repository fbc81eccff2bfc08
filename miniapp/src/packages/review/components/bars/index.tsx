import { Text, View } from '@tarojs/components';
import './index.scss';

export interface BarRow {
  label: string;
  value: number;
  /** What 100% is; the largest value when absent. */
  of?: number;
  /** Shown instead of the plain value, e.g. "18 / 50". */
  text?: string;
  tone?: 'normal' | 'alert';
}

const percent = (value: number, max: number) => (max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0);

/** Horizontal bars with their labels and values: categories, quota use. */
export function HBars({ rows, testId }: { rows: BarRow[]; testId?: string }) {
  const max = Math.max(0, ...rows.map((row) => row.value));
  return (
    <View className='hbars' data-testid={testId}>
      {rows.map((row) => (
        <View key={row.label} className='hbars__row'>
          <View className='hbars__head'>
            <Text className='hbars__label'>{row.label}</Text>
            <Text className='hbars__value'>{row.text ?? row.value}</Text>
          </View>
          <View className='hbars__track'>
            <View
              className={`hbars__bar ${row.tone === 'alert' ? 'hbars__bar--alert' : ''}`}
              style={{ width: `${percent(row.value, row.of ?? max)}%` }}
            />
          </View>
        </View>
      ))}
    </View>
  );
}

export interface Column {
  /** `YYYY-MM-DD` or any short label. */
  label: string;
  value: number;
}

/** A column per day; every `labelEvery`-th day is named under its column. */
export function Columns({ columns, testId }: { columns: Column[]; testId?: string }) {
  const max = Math.max(1, ...columns.map((c) => c.value));
  const labelEvery = Math.max(1, Math.ceil(columns.length / 6));
  // Counts above 14 narrow columns would run into each other; the largest is on the axis anyway.
  const showCounts = columns.length <= 14;
  return (
    <View className='columns' data-testid={testId}>
      <View className='columns__plot'>
        <Text className='columns__max'>{max}</Text>
        {columns.map((column) => (
          <View key={column.label} className='columns__slot'>
            {showCounts && column.value > 0 && <Text className='columns__count'>{column.value}</Text>}
            <View
              className='columns__bar'
              style={{ height: `${column.value > 0 ? Math.max(3, percent(column.value, max)) : 0}%` }}
            />
          </View>
        ))}
      </View>
      <View className='columns__axis'>
        {columns.map((column, index) => (
          <Text key={column.label} className='columns__tick'>
            {index % labelEvery === 0 ? column.label.slice(5) : ''}
          </Text>
        ))}
      </View>
    </View>
  );
}
