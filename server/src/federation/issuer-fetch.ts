import { type SignedDocument, signedDocumentSchema } from '@pass/shared';

/** A status list of a million passes is about 350 kB as JSON; anything far larger is not an issuer's. */
const maxResponseBytes = 16 * 1024 * 1024;
const timeoutMs = 15_000;

export class IssuerFetchError extends Error {}

/** GET a signed document from another issuer; throws IssuerFetchError with a Chinese reason. */
export async function fetchSignedDocument(url: string): Promise<SignedDocument> {
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (error) {
    throw new IssuerFetchError(`无法连接 ${url}：${(error as Error).message}`.slice(0, 280));
  }
  if (!response.ok) throw new IssuerFetchError(`${url} 返回 HTTP ${response.status}`);
  const text = await response.text();
  if (text.length > maxResponseBytes) throw new IssuerFetchError(`${url} 的应答过大`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new IssuerFetchError(`${url} 的应答不是 JSON`);
  }
  const parsed = signedDocumentSchema.safeParse(json);
  if (!parsed.success) throw new IssuerFetchError(`${url} 的应答不是签名文件`);
  return parsed.data;
}
