import { ActionSheet, Button } from '@nutui/nutui-react-taro';
import { nationalMaterialCategories, Role } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { Denied } from '@/components/denied';
import { useMorePages } from '@/hooks/use-more-pages';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { categoryName, plateText } from '@/utils/labels';
import { showFailure } from '@/utils/messages';
import { QueueCard } from '../../components/queue-card';
import { reviewRoutes } from '../../routes';
import { type QueueQuery, reviewApi } from '../../services/review-api';
import '../../styles/wide.scss';
import './index.scss';

const pageSize = 20;
const categoryOptions = [
  { name: '全部类别', value: '' },
  ...nationalMaterialCategories.map((c) => ({ name: c.name, value: c.code })),
];

type Filters = Required<Pick<QueueQuery, 'overdue' | 'whitelistFirst'>> & { category: string };

/** Applications waiting at the official's step, oldest first: filter, page, open, or pick for batch approval. */
export default function Queue() {
  const { params } = useRouter();
  const [filters, setFilters] = useState<Filters>({
    category: '',
    overdue: params.overdue === 'true',
    whitelistFirst: true,
  });
  const filtersRef = useRef(filters);
  filtersRef.current = filters;
  const { denied, data, error, loading, reload } = useRolePage(Role.Official, () =>
    reviewApi.queue({ ...filtersRef.current, category: filtersRef.current.category || undefined, limit: pageSize }),
  );
  const { items, cursor, more, loadMore } = useMorePages(
    data,
    (after) => reviewApi.queue({ ...filters, category: filters.category || undefined, cursor: after, limit: pageSize }),
    reload,
  );
  const [selected, setSelected] = useState<string[]>([]);
  const [choosingCategory, setChoosingCategory] = useState(false);
  const [approving, setApproving] = useState(false);

  useEffect(() => {
    if (!data) return;
    setSelected((current) => current.filter((id) => data.items.some((item) => item.id === id)));
  }, [data]);

  const change = (next: Partial<Filters>) => {
    filtersRef.current = { ...filters, ...next };
    setFilters(filtersRef.current);
    reload();
  };

  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id]));

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
    <View className='wide queue'>
      <View className='queue__filters' data-testid='queue-filters'>
        <View
          className='queue__filter'
          role='button'
          aria-role='button'
          onClick={() => setChoosingCategory(true)}
          data-testid='filter-category'
        >
          <Text>{filters.category ? categoryName(filters.category) : '全部类别'} ▾</Text>
        </View>
        <View
          className={`queue__filter ${filters.overdue ? 'queue__filter--on' : ''}`}
          role='checkbox'
          aria-role='checkbox'
          aria-checked={filters.overdue}
          onClick={() => change({ overdue: !filters.overdue })}
          data-testid='filter-overdue'
        >
          <Text>仅看逾期</Text>
        </View>
        <View
          className={`queue__filter ${filters.whitelistFirst ? 'queue__filter--on' : ''}`}
          role='checkbox'
          aria-role='checkbox'
          aria-checked={filters.whitelistFirst}
          onClick={() => change({ whitelistFirst: !filters.whitelistFirst })}
          data-testid='filter-whitelist'
        >
          <Text>白名单优先</Text>
        </View>
      </View>

      {error && <Text className='error-text'>{error}</Text>}
      {!loading && !error && items.length === 0 && (
        <View className='queue__empty' data-testid='queue-empty'>
          <Text>{filters.overdue ? '没有逾期的申请' : '暂无待审核的申请'}</Text>
        </View>
      )}

      <View className='wide__grid'>
        {items.map((item) => (
          <QueueCard
            key={item.id}
            item={item}
            selected={selected.includes(item.id)}
            onToggle={() => toggle(item.id)}
            onOpen={() => Taro.navigateTo({ url: withQuery(reviewRoutes.detail, { id: item.id }) })}
          />
        ))}
      </View>
      {cursor && (
        <Button block fill='none' loading={more} onClick={loadMore}>
          加载更多
        </Button>
      )}

      {items.length > 0 && (
        <View className='wide-bar'>
          <Button size='large' onClick={() => setSelected(allOnPage ? [] : items.map((i) => i.id))}>
            {allOnPage ? '取消全选' : '全选本页'}
          </Button>
          <Button
            type='primary'
            size='large'
            disabled={selected.length === 0 || approving}
            loading={approving}
            onClick={batchApprove}
          >
            {`批量通过（${selected.length}）`}
          </Button>
        </View>
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
    </View>
  );
}
