import { Role, type WhitelistImportReport, whitelistImportSchema } from '@pass/shared';
import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { ApiError, type FieldProblem } from '@/services/request';
import { Button } from '@/ui/button';
import { formatDateTime } from '@/utils/format';
import { AdminPage, Cell, Row } from '../../components/admin-page';
import { auditApi, whitelistApi } from '../../services/admin-api';

/**
 * 白名单 import: a batch of rows `统一社会信用代码,企业名称[,加入|移出]`; a batch with any bad row is
 * refused whole and each bad row is named. 移出 removes an entry. The batches imported so far below.
 */
export default function Whitelist() {
  const [batch, setBatch] = useState('');
  const [csv, setCsv] = useState('');
  const [report, setReport] = useState<WhitelistImportReport>();
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const page = useRolePage(Role.Admin, () => auditApi.list({ entityType: 'whitelist' }));

  const importBatch = async () => {
    setReport(undefined);
    const parsed = whitelistImportSchema.safeParse({ batch, csv });
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      return;
    }
    setBusy(true);
    try {
      setReport(await whitelistApi.import(parsed.data.batch, parsed.data.csv));
      setProblems([]);
      setCsv('');
      await page.reload();
    } catch (error) {
      if (error instanceof ApiError && error.details.length) setProblems(error.details);
      else
        Taro.showModal({
          title: '未能导入',
          content: error instanceof ApiError ? error.message : '请稍后重试',
          showCancel: false,
        });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AdminPage title='白名单' testId='admin-whitelist' page={page}>
      <View className='card'>
        <TextField
          label='批次名称'
          required
          testId='whitelist-batch'
          placeholder='如：第三批重点企业'
          value={batch}
          onChange={setBatch}
          maxlength={50}
        />
        <Text className='muted'>每行：统一社会信用代码,企业名称[,加入|移出]；不写操作即为加入。</Text>
        <View data-testid='whitelist-csv'>
          <Textarea
            className='text-field__input'
            style={{ width: '100%', minHeight: '240px' }}
            value={csv}
            maxlength={-1}
            placeholder='91320115MA1XXXXXXX,南京某某物流有限公司'
            onInput={(event) => setCsv(event.detail.value)}
          />
        </View>
        <View className='admin__actions'>
          <Button type='primary' loading={busy} disabled={busy} onClick={importBatch}>
            导入
          </Button>
        </View>
      </View>

      {report && (
        <Text className='admin__notice' data-testid='whitelist-report'>
          批次“{report.batch}”已导入：新增{report.added}家，更新{report.updated}家，移出{report.removed}家。
        </Text>
      )}
      {problems.length > 0 && (
        <View className='card' data-testid='whitelist-problems'>
          <Text className='card__title'>整批未导入，请修改以下行后重试</Text>
          {problems.map((p) => (
            <Text key={`${p.path}-${p.message}`} className='error-text'>
              {p.path ? `${p.path}：` : ''}
              {p.message}
            </Text>
          ))}
        </View>
      )}

      <Text className='admin__heading'>导入记录</Text>
      <View className='admin-table' data-testid='whitelist-history'>
        <Row head>
          <Cell>时间</Cell>
          <Cell>操作人</Cell>
          <Cell wide>批次与结果</Cell>
        </Row>
        {(page.data ?? []).map((entry) => (
          <Row key={entry.id}>
            <Cell>{formatDateTime(entry.createdAt)}</Cell>
            <Cell>{entry.actorName ?? '系统'}</Cell>
            <Cell wide>{entry.after ? JSON.stringify(entry.after) : ''}</Cell>
          </Row>
        ))}
      </View>
    </AdminPage>
  );
}
