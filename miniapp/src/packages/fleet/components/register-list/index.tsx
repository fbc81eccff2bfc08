import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Denied } from '@/components/denied';
import { ActionBar } from '@/components/form-actions';
import { Screen } from '@/components/screen';
import { noMatchText, SearchBox, useSearchText } from '@/components/search-box';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { EmptyState } from '../empty-state';

export interface RegisterListProps<T extends { id: string }> {
  /** The entries, or with a search text those it finds. */
  load: (q?: string) => Promise<T[]>;
  /** The test id of each entry. */
  testId: string;
  /** What an entry is (车辆, 司乘人员): the button 登记车辆, the empty screen, the search that finds none. */
  noun: string;
  /** The form that registers one (no `id`) or edits one (`?id=`). */
  form: string;
  /** An entry's title and the line below it. */
  cell: (item: T) => { title: string; description: string };
  /** The search box's placeholder: what may be typed. */
  searchPlaceholder: string;
}

/**
 * The fleet manager's register of its vehicles or its crew, searchable: each entry opens its form, the
 * button adds one.
 */
export function RegisterList<T extends { id: string }>({
  load,
  testId,
  noun,
  form,
  cell,
  searchPlaceholder,
}: RegisterListProps<T>) {
  const text = useSearchText();
  const { denied, data: items, error, reload } = useRolePage(Role.FleetManager, () => load(text.q()));
  if (denied) return <Denied who='车队管理员' />;
  return (
    <Screen className='screen'>
      <SearchBox testId={`${testId}-search`} placeholder={searchPlaceholder} onSearch={text.reloading(reload)} />
      {error && <Text className='error-text'>{error}</Text>}
      {items && items.length === 0 && (
        <EmptyState
          title={text.searched ? noMatchText(text.searched, noun) : `尚未登记${noun}，登记后申请时可直接选择`}
        />
      )}
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
      <ActionBar actions={[{ label: `登记${noun}`, onClick: () => Taro.navigateTo({ url: form }) }]} />
    </Screen>
  );
}
