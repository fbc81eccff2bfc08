import { Text, View } from '@tarojs/components';
import './select-list.scss';

export interface SelectItem {
  id: string;
  title: string;
  description?: string;
}

export interface SelectListProps {
  items: SelectItem[];
  selected: readonly string[];
  /** One choice (radio) or several (checkboxes). */
  multiple?: boolean;
  onToggle: (id: string) => void;
  testId?: string;
}

/** Rows from the registry to pick from, so nothing already registered is typed twice. */
export function SelectList({ items, selected, multiple, onToggle, testId }: SelectListProps) {
  return (
    <View className='select-list' data-testid={testId}>
      {items.map((item) => {
        const isSelected = selected.includes(item.id);
        return (
          <View
            key={item.id}
            className={`select-list__row ${isSelected ? 'select-list__row--selected' : ''}`}
            onClick={() => onToggle(item.id)}
            role={multiple ? 'checkbox' : 'radio'}
            aria-role={multiple ? 'checkbox' : 'radio'}
            aria-checked={isSelected}
          >
            <View className={`select-list__mark ${multiple ? 'select-list__mark--square' : ''}`}>
              {isSelected && <Text>✓</Text>}
            </View>
            <View className='select-list__text'>
              <Text className='select-list__title'>{item.title}</Text>
              {item.description && <Text className='select-list__description'>{item.description}</Text>}
            </View>
          </View>
        );
      })}
    </View>
  );
}
