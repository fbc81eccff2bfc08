import { Button } from '@nutui/nutui-react-taro';
import { type IssuerDocument, importIssuerRequestSchema, Role, type TrustedIssuerView } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { ToneTag } from '@/components/status-tag';
import { PasteBox, TextField } from '@/components/text-field';
import { useRolePage } from '@/hooks/use-role-page';
import { ApiError, type FieldProblem } from '@/services/request';
import { ageText } from '@/utils/format';
import { showFailure } from '@/utils/messages';
import { Action, AdminPage, Cell, HeadRow, Row } from '../../components/admin-page';
import { signedDocumentPlaceholder } from '../../components/signed-document';
import { federationApi } from '../../services/federation-api';
import {
  type IssuerAction,
  type IssuerRowProps,
  WhitelistCell,
  WhitelistPasteCard,
  whitelistActions,
} from './recognised-whitelist';

/** 64 hex digits in groups of four, as read out over the phone. */
const grouped = (fingerprint: string) => fingerprint.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * 全国互认: this province's fingerprint to read out to another province, the import of another
 * province's issuer document (pasted, or by address) with the fingerprint it read out, and the trusted
 * issuers with the age of their revocation lists, to sync, suspend or remove; and the whitelists of
 * those provinces recognised here (白名单互认).
 */
export default function Federation() {
  const [documentText, setDocumentText] = useState('');
  const [documentUrl, setDocumentUrl] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const page = useRolePage(Role.Admin, async () => {
    const [own, issuers, whitelists] = await Promise.all([
      federationApi.ownDocument(),
      federationApi.list(),
      federationApi.whitelists(),
    ]);
    return { own: JSON.parse(own.body) as IssuerDocument, ownSigned: own, issuers, whitelists };
  });
  const issuers = page.data?.issuers ?? [];
  const recognisedOf = (issuer: TrustedIssuerView) =>
    page.data?.whitelists.find((w) => w.issuerRegion === issuer.issuerRegion);

  const importIssuer = async () => {
    let document: unknown;
    if (documentText.trim()) {
      try {
        document = JSON.parse(documentText);
      } catch {
        setProblems([{ path: 'document', message: '签发方文件不是有效的 JSON，请完整粘贴对方提供的内容' }]);
        return;
      }
    }
    const parsed = importIssuerRequestSchema.safeParse({
      document,
      documentUrl: documentText.trim() ? undefined : documentUrl.trim() || undefined,
      fingerprint,
    });
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
      return;
    }
    setBusy(true);
    try {
      const imported = await federationApi.import(parsed.data);
      setProblems([]);
      setDocumentText('');
      setDocumentUrl('');
      setFingerprint('');
      Taro.showToast({ title: `已信任${imported.issuerName}`, icon: 'none' });
      await page.reload();
    } catch (error) {
      if (error instanceof ApiError) setProblems([{ path: error.details[0]?.path ?? '', message: error.message }]);
      else showFailure('未能导入', error);
    } finally {
      setBusy(false);
    }
  };

  const act = async ({ label, run, confirm }: IssuerAction) => {
    if (confirm) {
      const answer = await Taro.showModal({ title: label, content: confirm });
      if (!answer.confirm) return;
    }
    try {
      await run();
      Taro.showToast({ title: `已${label}`, icon: 'success' });
      await page.reload();
    } catch (error) {
      showFailure(`未能${label}`, error);
    }
  };

  const copyOwnDocument = () => {
    if (page.data) void Taro.setClipboardData({ data: JSON.stringify(page.data.ownSigned) });
  };

  return (
    <AdminPage title='外省签发方（全国互认）' testId='admin-federation' page={page}>
      {page.data && (
        <View className='card' data-testid='own-issuer'>
          <Text className='card__title'>本省签发方：{page.data.own.issuerName}</Text>
          <View>
            <Text className='muted'>对方省份导入本省前，请电话告知以下指纹，由对方逐组核对：</Text>
          </View>
          <View>
            <Text data-testid='own-fingerprint'>{grouped(page.data.own.fingerprint)}</Text>
          </View>
          <View>
            <Text className='muted'>本省签发方文件地址：{page.data.own.documentUrl}</Text>
          </View>
          <View className='admin__actions'>
            <Button size='small' fill='outline' onClick={copyOwnDocument}>
              复制本省签发方文件
            </Button>
          </View>
        </View>
      )}

      <Text className='admin__heading'>已信任的外省签发方</Text>
      <View className='admin-table' data-testid='issuer-list'>
        <HeadRow cells={[{ wide: '签发方' }, '状态', { wide: '吊销名单' }, { wide: '互认白名单' }, '操作']} />
        {issuers.map((issuer) => (
          <IssuerRow key={issuer.id} issuer={issuer} recognised={recognisedOf(issuer)} act={act} />
        ))}
        {!page.loading && issuers.length === 0 && <Text className='admin__empty'>尚未导入外省签发方</Text>}
      </View>

      <View className='card' data-testid='issuer-import'>
        <Text className='card__title'>导入外省签发方</Text>
        <Text className='muted'>
          粘贴对方提供的签发方文件，或填写其地址（如
          https://…/api/federation/issuer）；再输入对方电话告知的指纹。指纹与文件的签名密钥一致才会信任。
        </Text>
        <Text className='card__title'>签发方文件（粘贴）</Text>
        <PasteBox
          testId='issuer-document'
          minHeight='160px'
          value={documentText}
          onChange={setDocumentText}
          placeholder={signedDocumentPlaceholder}
        />
        <TextField
          label='或：签发方文件地址'
          testId='issuer-url'
          placeholder='https://txz.example.gov.cn/api/federation/issuer'
          value={documentUrl}
          onChange={setDocumentUrl}
          maxlength={300}
        />
        <TextField
          label='对方告知的指纹'
          required
          testId='issuer-fingerprint'
          placeholder='64位十六进制，可含空格'
          value={fingerprint}
          onChange={setFingerprint}
          maxlength={100}
        />
        {problems.map((p) => (
          <Text key={`${p.path}-${p.message}`} className='error-text' data-testid='issuer-problem'>
            {p.message}
          </Text>
        ))}
        <View className='admin__actions'>
          <Button type='primary' loading={busy} disabled={busy} onClick={importIssuer}>
            核对并导入
          </Button>
        </View>
      </View>

      {issuers.length > 0 && <WhitelistPasteCard onImported={page.reload} />}
    </AdminPage>
  );
}

function IssuerRow({ issuer, recognised, act }: IssuerRowProps) {
  const suspended = issuer.status === 'suspended';
  const actions: IssuerAction[] = [
    { label: '同步', run: () => federationApi.sync(issuer.id) },
    ...whitelistActions(issuer, recognised),
    suspended
      ? { label: '恢复', run: () => federationApi.reinstate(issuer.id) }
      : {
          label: '暂停',
          danger: true,
          run: () => federationApi.suspend(issuer.id),
          confirm: `暂停后，${issuer.issuerName}签发的通行证将无法核验。`,
        },
    {
      label: '移除',
      danger: true,
      run: () => federationApi.remove(issuer.id),
      confirm: `移除后需重新核对指纹才能再次导入${issuer.issuerName}。`,
    },
  ];
  return (
    <Row testId={`issuer-${issuer.issuerRegion}`}>
      <Cell wide>
        <Text>
          {issuer.issuerName}（{issuer.issuerRegion}）
        </Text>
      </Cell>
      <Cell>
        <ToneTag tone={suspended ? 'dark' : 'good'}>{suspended ? '已暂停' : '信任中'}</ToneTag>
      </Cell>
      <Cell wide>
        <Text data-testid='issuer-sync'>
          {issuer.statusSyncedAt
            ? `${ageText(issuer.statusSyncedAt)}同步 · 第${issuer.statusListVersion}版`
            : '尚未获取'}
        </Text>
        {issuer.stale && <ToneTag tone='warn'>超过24小时未更新</ToneTag>}
        {issuer.lastSyncError && <Text className='error-text'>{issuer.lastSyncError}</Text>}
      </Cell>
      <Cell wide>
        <WhitelistCell recognised={recognised} />
      </Cell>
      <View className='admin-table__cell admin-table__cell--actions'>
        {actions.map((action) => (
          <Action key={action.label} label={action.label} danger={action.danger} onClick={() => act(action)} />
        ))}
      </View>
    </Row>
  );
}
