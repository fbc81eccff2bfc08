import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';

export interface MenuEntry {
  title: string;
  /** A line under the title saying what is there. */
  description?: string;
  /** A count or state at the right, before the arrow. */
  extra?: string;
  url: string;
}

/** A home page's list of places to go, each row opening its page. */
export function MenuList({ entries }: { entries: MenuEntry[] }) {
  return (
    <CellGroup>
      {entries.map((entry) => (
        <Cell
          key={entry.url}
          title={entry.title}
          description={entry.description}
          extra={entry.extra ? `${entry.extra} ›` : '›'}
          clickable
          onClick={() => Taro.navigateTo({ url: entry.url })}
        />
      ))}
    </CellGroup>
  );
}
