import { ActionSheet, Button } from '@nutui/nutui-react-taro';
import { nationalMaterialCategories, type ReviewDecision, Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Denied } from '@/components/denied';
import { Screen } from '@/components/screen';
import { noMatchText, SearchBox } from '@/components/search-box';
import { useKeys } from '@/hooks/use-keys';
import { useMorePages } from '@/hooks/use-more-pages';
import { useRolePage } from '@/hooks/use-role-page';
import { useWideWindow } from '@/hooks/use-wide-window';
import { withQuery } from '@/services/routes';
import { categoryName, plateText } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { reviewRoutes } from '../../routes';
import { type QueueQuery, reviewApi } from '../../services/review-api';
import { type DecisionKind, decisionDoneText, decisionOf } from '../detail/decision';
import { DecisionPopup } from '../detail/decision-popup';
import { QueuePreview } from './queue-preview';
import { QueueTable, type Sort, type SortKey, sortedItems } from './queue-table';
import '../../styles/wide.scss';
import './index.scss';

// A desktop shows the whole day's queue at once; a phone reads 20 at a time.
const pageSize = { wide: 50, narrow: 20 };
const categoryOptions = [
  { name: '全部类别', value: '' },
  ...nationalMaterialCategories.map((c) => ({ name: c.name, value: c.code })),
];

type Filters = Required<Pick<QueueQuery, 'overdue' | 'whitelistFirst'>> & { category: string; q: string };
const toggles: { key: keyof Omit<Filters, 'category' | 'q'>; label: string; testId: string }[] = [
  { key: 'overdue', label: '仅看逾期', testId: 'filter-overdue' },
  { key: 'whitelistFirst', label: '白名单优先', testId: 'filter-whitelist' },
];

/** The decision each shortcut key opens (desktop). */
const decisionKeys = new Map<string, DecisionKind>([
  ['a', 'approve'],
  ['r', 'return'],
  ['x', 'reject'],
]);

/**
 * Applications waiting at the official's step, oldest first: filter, sort, pick for batch approval.
 * On a desktop the table and the chosen application's detail sit side by side, driven by the keys
 * j/k (or ↓/↑) for next/previous, a approve, r return, x reject, Space pick, b approve the picked; on a
 * phone a row opens the detail page.
 */
export default function Queue() {
  const { params } = useRouter();
  const wide = useWideWindow();
  const [filters, setFilters] = useState<Filters>({
    category: '',
    q: '',
    overdue: params.overdue === 'true',
    whitelistFirst: true,
  });
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const query = (cursor?: string | null) => ({
    ...filtersRef.current,
    category: filtersRef.current.category || undefined,
    q: filtersRef.current.q || undefined,
    cursor,
    limit: wide ? pageSize.wide : pageSize.narrow,
  });
  const { denied, data, error, loading, reload } = useRolePage(Role.Official, () => reviewApi.queue(query()));
  const {
    items: loaded,
    cursor,
    more,
    loadMore,
  } = useMorePages(data, (after) => reviewApi.queue(query(after)), reload);
  const [sort, setSort] = useState<Sort | null>(null);
  const items = sortedItems(loaded, sort);
  const [selected, setSelected] = useState<string[]>([]);
  const [current, setCurrent] = useState<string>();
  const [deciding, setDeciding] = useState<{ id: string; kind: DecisionKind } | null>(null);
  const [choosingCategory, setChoosingCategory] = useState(false);
  const [approving, setApproving] = useState(false);

  useEffect(() => {
    if (!data) return;
    setSelected((picked) => picked.filter((id) => data.items.some((item) => item.id === id)));
  }, [data]);

  // The detail beside the table follows the list: the first row, or the one after a decided one.
  const currentItem = items.find((item) => item.id === current) ?? items[0];

  const change = (next: Partial<Filters>) => {
    filtersRef.current = { ...filters, ...next };
    setFilters(filtersRef.current);
    reload();
  };

  const changeSort = (key: SortKey) =>
    setSort((now) =>
      now?.key !== key ? { key, descending: false } : now.descending ? null : { key, descending: true },
    );

  const toggle = (id: string) =>
    setSelected((picked) => (picked.includes(id) ? picked.filter((x) => x !== id) : [...picked, id]));

  const open = (id: string) => {
    if (wide) setCurrent(id);
    else Taro.navigateTo({ url: withQuery(reviewRoutes.detail, { id }) });
  };

  const move = (step: number) => {
    if (!currentItem) return;
    const next = items[items.indexOf(currentItem) + step];
    if (next) setCurrent(next.id);
  };

  const decide = async (id: string, kind: DecisionKind, text: string, fields: string[], note: string) => {
    try {
      const result = await reviewApi.decide(id, decisionOf(kind, text, fields, note) as ReviewDecision);
      setDeciding(null);
      const after = items[items.findIndex((item) => item.id === id) + 1];
      setCurrent(after?.id);
      const title = decisionDoneText(kind, Boolean(result.passId));
      Taro.showToast({ title, icon: 'none', duration: 1500 });
      await reload();
    } catch (e) {
      showFailure('未能提交', e);
    }
  };

  useKeys(({ key, command, typing }) => {
    if (typing || command || deciding || !currentItem) return false;
    if (key === 'j' || key === 'ArrowDown') move(1);
    else if (key === 'k' || key === 'ArrowUp') move(-1);
    else if (decisionKeys.has(key)) setDeciding({ id: currentItem.id, kind: decisionKeys.get(key) as DecisionKind });
    else if (key === ' ') toggle(currentItem.id);
    else if (key === 'b' && selected.length > 0 && !approving) batchApprove();
    else return false;
    return true;
  }, wide);

  const batchApprove = async () => {
    const { confirm } = await Taro.showModal({
      title: '批量通过',
      content: `确定通过选中的${selected.length}个申请吗？逐个审核，末级通过即签发通行证。`,
      confirmText: '通过',
    });
    if (!confirm) return;
    setApproving(true);
    try {
      const results = await reviewApi.batchApprove(selected);
      const failed = results.filter((r) => !r.ok);
      const plateOf = (id: string) => plateText(items.find((i) => i.id === id)?.plate);
      await Taro.showModal({
        title: `已通过${results.length - failed.length}个`,
        content: failed.length
          ? `${failed.length}个未通过：\n${failed.map((r) => `${plateOf(r.id)}：${'message' in r ? r.message : ''}`).join('\n')}`
          : '选中的申请均已通过。',
        showCancel: false,
      });
      setSelected([]);
      await reload();
    } catch (e) {
      showFailure('批量通过未成功', e);
    } finally {
      setApproving(false);
    }
  };

  if (denied) return <Denied who='审核人员' />;

  const allOnPage = items.length > 0 && items.every((item) => selected.includes(item.id));

  return (
    <Screen className={`wide queue ${wide ? 'queue--desk' : ''}`}>
      <View className='queue__filters' data-testid='queue-filters'>
        <SearchBox
          testId='queue-search'
          placeholder='车牌号码、通行证编号、企业名称或信用代码'
          onSearch={(q) => change({ q })}
        />
        <View
          className='queue__filter'
          role='button'
          aria-role='button'
          tabIndex={0}
          onClick={() => setChoosingCategory(true)}
          data-testid='filter-category'
        >
          <Text>{filters.category ? categoryName(filters.category) : '全部类别'} ▾</Text>
        </View>
        {toggles.map((toggle) => (
          <View
            key={toggle.key}
            className={`queue__filter ${filters[toggle.key] ? 'queue__filter--on' : ''}`}
            role='checkbox'
            aria-role='checkbox'
            aria-checked={filters[toggle.key]}
            tabIndex={0}
            onClick={() => change({ [toggle.key]: !filters[toggle.key] })}
            data-testid={toggle.testId}
          >
            <Text>{toggle.label}</Text>
          </View>
        ))}
        {wide && (
          <Text className='queue__keys'>
            快捷键：J/K 下一条/上一条 · A 通过 · R 退回 · X 不予通过 · 空格 选中 · B 批量通过选中
          </Text>
        )}
      </View>

      {error && <Text className='error-text'>{error}</Text>}
      {!loading && !error && items.length === 0 && (
        <View className='queue__empty' data-testid='queue-empty'>
          <Text>
            {filters.q
              ? noMatchText(filters.q, filters.overdue ? '逾期申请' : '待审核申请')
              : filters.overdue
                ? '没有逾期的申请'
                : '暂无待审核的申请'}
          </Text>
        </View>
      )}

      {items.length > 0 && (
        <View className='queue__panes'>
          <View className='queue__list'>
            <QueueTable
              items={items}
              sort={sort}
              onSort={changeSort}
              selected={selected}
              onToggle={toggle}
              current={wide ? currentItem?.id : undefined}
              onOpen={open}
            />
            {cursor && (
              <Button block fill='none' loading={more} onClick={loadMore}>
                加载更多
              </Button>
            )}
          </View>
          {wide && currentItem && (
            <QueuePreview id={currentItem.id} onDecide={(kind) => setDeciding({ id: currentItem.id, kind })} />
          )}
        </View>
      )}

      {items.length > 0 && (
        <View className='wide-bar queue__bar'>
          <Button size={wide ? 'normal' : 'large'} onClick={() => setSelected(allOnPage ? [] : items.map((i) => i.id))}>
            {allOnPage ? '取消全选' : '全选本页'}
          </Button>
          <Button
            type='primary'
            size={wide ? 'normal' : 'large'}
            disabled={selected.length === 0 || approving}
            loading={approving}
            onClick={batchApprove}
          >
            {`批量通过（${selected.length}）`}
          </Button>
        </View>
      )}

      {deciding && (
        <DecisionPopup
          kind={deciding.kind}
          autoFocus
          onConfirm={(text, fields, note) => decide(deciding.id, deciding.kind, text, fields, note)}
          onClose={() => setDeciding(null)}
        />
      )}

      <ActionSheet
        visible={choosingCategory}
        title='按物资类别筛选'
        options={categoryOptions}
        cancelText='取消'
        onCancel={() => setChoosingCategory(false)}
        onClose={() => setChoosingCategory(false)}
        onSelect={(option) => {
          setChoosingCategory(false);
          change({ category: String(option.value ?? '') });
        }}
      />
    </Screen>
  );
}
