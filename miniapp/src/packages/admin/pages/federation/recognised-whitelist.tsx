import { Button } from '@nutui/nutui-react-taro';
import { importWhitelistRequestSchema, type RecognisedWhitelistView, type TrustedIssuerView } from '@pass/shared';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PasteBox } from '@/components/text-field';
import { ApiError } from '@/services/request';
import { ageText } from '@/utils/format';
import { showFailure } from '@/utils/messages';
import { signedDocumentPlaceholder } from '../../components/signed-document';
import { federationApi } from '../../services/federation-api';

/** One of a trusted issuer's row actions: its label names it in the confirmation, the toast and a failure. */
export interface IssuerAction {
  label: string;
  /** Red, for what takes trust away. */
  danger?: boolean;
  run: () => Promise<unknown>;
  /** Asked first, when given. */
  confirm?: string;
}

/**
 * 白名单互认 of one trusted issuer, in its row: how many enterprises its recognised whitelist holds and
 * when it was imported, with 同步白名单 (fetched from the issuer's address) and 移除白名单.
 */
export function WhitelistCell({ recognised }: { recognised: RecognisedWhitelistView | undefined }) {
  return (
    <Text data-testid='issuer-whitelist'>
      {recognised ? `${recognised.entryCount}家企业 · ${ageText(recognised.importedAt)}导入` : '未互认白名单'}
    </Text>
  );
}

/** A trusted issuer's row: the issuer, its recognised whitelist if any, and what runs a row action. */
export interface IssuerRowProps {
  issuer: TrustedIssuerView;
  recognised: RecognisedWhitelistView | undefined;
  act: (action: IssuerAction) => Promise<void>;
}

/** The row actions of an issuer's whitelist: 同步白名单 while the issuer is trusted, 移除白名单 once recognised. */
export function whitelistActions(issuer: TrustedIssuerView, recognised: RecognisedWhitelistView | undefined) {
  const actions: IssuerAction[] = [];
  if (issuer.status === 'active') {
    actions.push({ label: '同步白名单', run: () => federationApi.importWhitelist({ issuerId: issuer.id }) });
  }
  if (recognised) {
    actions.push({
      label: '移除白名单',
      danger: true,
      run: () => federationApi.removeWhitelist(recognised.id),
      confirm: `移除后，${recognised.sourceName}白名单中的企业不再优先审核，待审申请同时取消优先。`,
    });
  }
  return actions;
}

/** A whitelist export handed over another way (pasted), for a province whose address cannot be reached. */
export function WhitelistPasteCard({ onImported }: { onImported: () => Promise<void> }) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const paste = async () => {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      setProblem('白名单文件不是有效的 JSON，请完整粘贴对方提供的内容');
      return;
    }
    const parsed = importWhitelistRequestSchema.safeParse({ document });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? '白名单文件格式不正确');
      return;
    }
    setBusy(true);
    try {
      const imported = await federationApi.importWhitelist(parsed.data);
      setProblem('');
      setText('');
      Taro.showToast({ title: `已互认${imported.sourceName}白名单${imported.entryCount}家`, icon: 'none' });
      await onImported();
    } catch (error) {
      if (error instanceof ApiError) setProblem(error.message);
      else showFailure('未能导入', error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='card' data-testid='whitelist-import'>
      <Text className='card__title'>导入外省白名单（粘贴）</Text>
      <Text className='muted'>
        已信任的签发方可在上表“同步白名单”；也可粘贴对方 /api/federation/whitelist
        的完整内容。须由已信任且未暂停的签发方签名，导入后替换此前从该省导入的名单。
      </Text>
      <PasteBox
        testId='whitelist-document'
        value={text}
        onChange={setText}
        placeholder={signedDocumentPlaceholder}
        minHeight='120px'
      />
      {problem && (
        <Text className='error-text' data-testid='whitelist-problem'>
          {problem}
        </Text>
      )}
      <View className='admin__actions'>
        <Button type='primary' loading={busy} disabled={busy || !text.trim()} onClick={paste}>
          核对并导入白名单
        </Button>
      </View>
    </View>
  );
}
