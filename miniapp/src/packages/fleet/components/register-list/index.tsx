import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ActionBar } from '@/components/form-actions';
import { Screen } from '@/components/screen';
import { withQuery } from '@/services/routes';
import { EmptyState } from '../empty-state';

export interface RegisterListProps<T extends { id: string }> {
  /** The entries once loaded. */
  items: T[] | undefined;
  error?: string;
  /** The test id of each entry. */
  testId: string;
  /** What the screen says while nothing is registered. */
  empty: string;
  /** The button that registers one more, e.g. 登记车辆. */
  add: string;
  /** The form that registers one (no `id`) or edits one (`?id=`). */
  form: string;
  /** An entry's title and the line below it. */
  cell: (item: T) => { title: string; description: string };
}

/** The fleet's register of its vehicles or its crew: each entry opens its form, the button adds one. */
export function RegisterList<T extends { id: string }>({
  items,
  error,
  testId,
  empty,
  add,
  form,
  cell,
}: RegisterListProps<T>) {
  return (
    <Screen className='screen'>
      {error && <Text className='error-text'>{error}</Text>}
      {items && items.length === 0 && <EmptyState title={empty} />}
      {items && items.length > 0 && (
        <CellGroup>
          {items.map((item) => (
            // NutUI's Cell does not pass data-* attributes on; the wrapper carries the test id.
            <View key={item.id} data-testid={testId}>
              <Cell
                {...cell(item)}
                extra='›'
                clickable
                onClick={() => Taro.navigateTo({ url: withQuery(form, { id: item.id }) })}
              />
            </View>
          ))}
        </CellGroup>
      )}
      <ActionBar actions={[{ label: add, onClick: () => Taro.navigateTo({ url: form }) }]} />
    </Screen>
  );
}
