import { Button } from '@nutui/nutui-react-taro';
import { type CheckpointView, Role, regionFullName } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRolePage } from '@/hooks/use-role-page';
import { withQuery } from '@/services/routes';
import { showFailure } from '@/utils/messages';
import { Action, AdminPage, Cell, HeadRow, Row } from '../../components/admin-page';
import { adminRoutes } from '../../routes';
import { checkpointsApi } from '../../services/admin-api';

/** Checkpoints with their position (clone detection measures from it): add, edit, retire. */
export default function Checkpoints() {
  const page = useRolePage(Role.Admin, () => checkpointsApi.list());
  const checkpoints = page.data ?? [];

  const toggle = async (checkpoint: CheckpointView) => {
    if (!checkpoint.retired) {
      const { confirm } = await Taro.showModal({
        title: '停用卡口',
        content: `停用后不能再为“${checkpoint.name}”分配卡口人员，已有查验记录保留。确定停用？`,
      });
      if (!confirm) return;
    }
    try {
      if (checkpoint.retired) await checkpointsApi.reinstate(checkpoint.id);
      else await checkpointsApi.retire(checkpoint.id);
      Taro.showToast({ title: checkpoint.retired ? '已恢复' : '已停用', icon: 'success' });
      await page.reload();
    } catch (error) {
      showFailure('操作未成功', error);
    }
  };

  return (
    <AdminPage title='卡口管理' testId='admin-checkpoints' page={page}>
      <View className='admin__actions'>
        <Button type='primary' onClick={() => Taro.navigateTo({ url: adminRoutes.checkpointForm })}>
          新增卡口
        </Button>
      </View>
      <View className='admin-table' data-testid='checkpoint-list'>
        <HeadRow cells={['编号', { wide: '名称' }, { wide: '所在地区' }, '坐标', '状态', '操作']} />
        {checkpoints.map((c) => (
          <Row key={c.id} muted={c.retired} testId={`checkpoint-${c.code}`}>
            <Cell>{c.code}</Cell>
            <Cell wide>{c.name}</Cell>
            <Cell wide>{regionFullName(c.regionCode) ?? c.regionCode}</Cell>
            <Cell>
              {c.latitude.toFixed(4)}, {c.longitude.toFixed(4)}
            </Cell>
            <Cell>
              <Text data-testid='checkpoint-status'>{c.retired ? '已停用' : '在用'}</Text>
            </Cell>
            <View className='admin-table__cell admin-table__cell--actions'>
              <Action
                label='编辑'
                onClick={() => Taro.navigateTo({ url: withQuery(adminRoutes.checkpointForm, { id: c.id }) })}
              />
              <Action label={c.retired ? '恢复' : '停用'} danger={!c.retired} onClick={() => toggle(c)} />
            </View>
          </Row>
        ))}
        {!page.loading && checkpoints.length === 0 && <Text className='admin__empty'>还没有卡口</Text>}
      </View>
    </AdminPage>
  );
}
