import { Button } from '@nutui/nutui-react-taro';
import { Role, type WhitelistImportReport, whitelistImportSchema } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ChoiceChips } from '@/components/choice-chips';
import { TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { ApiError, type FieldProblem } from '@/services/request';
import { formatDateTime } from '@/utils/format';
import { showFailure } from '@/utils/messages';
import { Action, AdminPage, Cell, HeadRow, Row, Table } from '../../components/admin-page';
import { PasteArea } from '../../components/paste-area';
import { type AuditEntry, auditApi, whitelistApi } from '../../services/admin-api';

const historyHead = ['时间', '操作人', { wide: '批次与结果' }];
const historyRow = (entry: AuditEntry) => ({
  key: entry.id,
  cells: [
    formatDateTime(entry.createdAt),
    entry.actorName ?? '系统',
    { wide: entry.after ? JSON.stringify(entry.after) : '' },
  ],
});

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
  const [q, setQ] = useState('');
  const [batchFilter, setBatchFilter] = useState('');
  const page = useRolePage(Role.Admin, async () => {
    const [history, batches, entries] = await Promise.all([
      auditApi.list({ entityType: 'whitelist' }),
      whitelistApi.batches(),
      whitelistApi.list({ q: q.trim() || undefined, batch: batchFilter || undefined }),
    ]);
    return { history, batches, entries };
  });

  const remove = async (creditCode: string, name: string) => {
    const { confirm } = await Taro.showModal({ title: '移出白名单', content: `确定将“${name}”移出白名单？` });
    if (!confirm) return;
    try {
      await whitelistApi.remove(creditCode);
      Taro.showToast({ title: '已移出', icon: 'success' });
      await page.reload();
    } catch (error) {
      showFailure('未能移出', error);
    }
  };

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
      else showFailure('未能导入', error);
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
        <PasteArea
          testId='whitelist-csv'
          value={csv}
          onChange={setCsv}
          placeholder='91320115MA1XXXXXXX,南京某某物流有限公司'
          minHeight={240}
        />
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

      <Text className='admin__heading'>白名单企业</Text>
      <ChoiceChips
        testId='whitelist-batches'
        choices={[
          { value: '', label: '全部批次' },
          ...(page.data?.batches ?? []).map((b) => ({ value: b.batch, label: `${b.batch}（${b.count}）` })),
        ]}
        value={batchFilter}
        onChange={(value) => {
          setBatchFilter(value);
          setTimeout(() => page.reload(), 0);
        }}
      />
      <View className='admin__toolbar'>
        <TextField label='企业名称或信用代码' testId='whitelist-search' value={q} onChange={setQ} maxlength={50} />
        <Button onClick={() => page.reload()}>查找</Button>
      </View>
      <View className='admin-table' data-testid='whitelist-entries'>
        <HeadRow cells={[{ wide: '统一社会信用代码' }, { wide: '企业名称' }, '批次', '操作']} />
        {(page.data?.entries ?? []).map((entry) => (
          <Row key={entry.creditCode} testId={`whitelist-${entry.creditCode}`}>
            <Cell wide>{entry.creditCode}</Cell>
            <Cell wide>{entry.enterpriseName}</Cell>
            <Cell>{entry.batch}</Cell>
            <View className='admin-table__cell'>
              <Action label='移出' danger onClick={() => remove(entry.creditCode, entry.enterpriseName)} />
            </View>
          </Row>
        ))}
        {page.data?.entries.length === 0 && <Text className='admin__empty'>没有符合条件的企业</Text>}
      </View>

      <Text className='admin__heading'>导入记录</Text>
      <Table testId='whitelist-history' head={historyHead} rows={page.data?.history.map(historyRow)} />
    </AdminPage>
  );
}
