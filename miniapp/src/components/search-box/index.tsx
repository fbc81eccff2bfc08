import { Button, SearchBar } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import './index.scss';

export interface SearchBoxProps {
  /** What may be searched, e.g. 车牌号码、通行证编号、企业名称或信用代码. */
  placeholder: string;
  testId: string;
  /** The text to search (trimmed) on the keyboard's search key or 搜索; '' once cleared. */
  onSearch: (text: string) => void;
}

/**
 * A list's search box (NutUI's SearchBar) with a 搜索 button. It takes any length: the server refuses
 * an over-long or unreadable search with a message saying what to type (the lists show it), rather
 * than the box cutting the text silently.
 */
export function SearchBox({ placeholder, testId, onSearch }: SearchBoxProps) {
  const [text, setText] = useState('');
  return (
    <View className='search-box' data-testid={testId}>
      <SearchBar
        value={text}
        placeholder={placeholder}
        maxLength={-1}
        onChange={(value) => setText(value)}
        onSearch={(value) => onSearch(value.trim())}
        onClear={() => {
          setText('');
          onSearch('');
        }}
        inputProps={{ confirmType: 'search' }}
        right={
          <Button type='primary' size='small' onClick={() => onSearch(text.trim())}>
            搜索
          </Button>
        }
      />
    </View>
  );
}

/** What a list last searched ('' for none), and the `q` to send with its next load. */
export function useSearchText() {
  const current = useRef('');
  const [searched, setSearched] = useState('');
  return {
    searched,
    q: () => current.current || undefined,
    /** A SearchBox's `onSearch`: remembers the text, then reloads the list (which sends `q()`). */
    reloading: (reload: () => Promise<unknown>) => (text: string) => {
      current.current = text;
      setSearched(text);
      reload();
    },
  };
}

/** The empty state of a search that found nothing: 未找到与“苏A12345”相符的通行证. */
export const noMatchText = (searched: string, what: string) => `未找到与“${searched}”相符的${what}`;
