import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  buildStatusListBits,
  encodeStatusList,
  extractTokenFromUrl,
  PassTokenStatus,
  type TrustList,
  verifyPassToken,
  verifyPassUrl,
} from '@pass/shared';
import jsqr from 'jsqr';
import pngjs from 'pngjs';
import { PassDocumentService } from '../src/pass-documents/pass-document.service.js';
import type { PrintablePass } from '../src/pass-documents/printable-pass.js';
import { largestNationalPass } from '../src/pass-documents/qr-budget.js';
import { type PassTokenInput, PassTokenService } from '../src/signing/pass-token.service.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// jsqr is CommonJS: its ES default export is `module.exports.default`.
const jsQR = jsqr.default;

const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../..');

const pass: PassTokenInput = {
  ...largestNationalPass,
  passNumber: '320115000123',
  validFrom: '2022-05-20',
  validTo: '2022-05-29',
  statusIndex: 17,
};

const printable: PrintablePass = {
  ...pass,
  materialDescription: '大米、食用油、蔬菜、肉类、禽蛋及奶制品，供应乌鲁木齐市各大型商超和社区团购配送站点，每车约30吨',
  crew: [
    { name: '张三', idNumber: '32011519800101123X', role: 'driver' },
    { name: '买买提·艾力', idNumber: '650102198505051234', role: 'co_driver' },
    { name: '欧阳娜娜', idNumber: '320115********1244', role: 'escort' },
  ],
  issuerName: '南京市江宁区交通运输局',
  issuedAt: '2022-05-19T09:30:00.000Z',
};

/** zbar, the decoder of Debian's zbar-tools: independent of the library that drew the code. */
async function zbarimg(file: string): Promise<string> {
  const { stdout } = await run('zbarimg', ['--quiet', '--raw', file]);
  return stdout.trim();
}

describe('pass token and documents on a MariaDB-backed server', () => {
  let t: TestApp;
  let dataDir: string;
  let trustList: TrustList;
  const now = new Date('2022-05-22T04:00:00Z');
  const statusList = () => encodeStatusList(1, now, buildStatusListBits(100, []));

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'pass-token-it-'));
    t = await startTestApp({ DATA_DIR: dataDir, PUBLIC_BASE_URL: 'https://pass.example.gov.cn' });
    trustList = (await (await fetch(`${t.url}/api/trust-list`)).json()) as TrustList;
  });

  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('publishes the trust list without sign-in, and never a private key', async () => {
    const res = await fetch(`${t.url}/api/trust-list`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const text = await res.text();
    expect(text).not.toMatch(/private/i);
    expect(JSON.parse(text)).toEqual({
      generatedAt: expect.any(String),
      keys: [
        {
          kid: expect.stringMatching(/^[0-9a-f]{8}$/),
          alg: 'EdDSA',
          crv: 'Ed25519',
          publicKey: expect.stringMatching(/^[\w-]{43}$/),
          validFrom: expect.any(String),
          validTo: null,
          issuerName: '江苏省重点物资运输车辆通行证签发系统',
          issuerRegion: '320000',
        },
      ],
      passUrlOrigins: ['https://pass.example.gov.cn'],
      // No department recorded on this server yet.
      departments: [],
    });
    const keyFile = join(dataDir, 'keys', `${trustList.keys[0]!.kid}.json`);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
  });

  it('describes the trust list in the OpenAPI document', async () => {
    type Schema = { properties: Record<string, Schema>; items: Schema; $ref?: string };
    const doc = (await (await fetch(`${t.url}/api/docs/openapi.json`)).json()) as {
      paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: Schema }> }> } }>;
      components: { schemas: Record<string, Schema> };
    };
    // Generated from the shared trustListSchema.
    const ok = doc.paths['/api/trust-list']!.get.responses['200']!.content['application/json']!.schema;
    expect(ok.$ref).toBe('#/components/schemas/TrustList');
    const list = doc.components.schemas.TrustList!;
    expect(Object.keys(list.properties)).toEqual(['generatedAt', 'keys', 'passUrlOrigins', 'departments']);
    expect(Object.keys(list.properties.keys!.items.properties)).toEqual(
      expect.arrayContaining(['kid', 'publicKey', 'validFrom', 'validTo', 'issuerName', 'issuerRegion']),
    );
  });

  it('issue → QR PNG → jsQR and zbarimg → token → verify: valid; revoked when the status list says so', async () => {
    const issued = await t.app.get(PassTokenService).issue(pass);
    const png = await t.app.get(PassDocumentService).qrPng(issued.url);
    const image = pngjs.PNG.sync.read(png);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(issued.url);
    const file = join(dataDir, 'qr.png');
    await writeFile(file, png);
    const scanned = await zbarimg(file);
    expect(scanned).toBe(issued.url);

    const token = extractTokenFromUrl(scanned)!;
    expect(verifyPassToken(token, { trustList, statusList: statusList(), now })).toMatchObject({
      state: 'valid',
      claims: { passNumber: '320115000123', plate: '苏AD12345', issuerCode: '320115' },
    });
    const revoked = encodeStatusList(2, now, buildStatusListBits(100, [[17, PassTokenStatus.Revoked]]));
    expect(verifyPassToken(token, { trustList, statusList: revoked, now }).state).toBe('revoked');
  });

  it('issue → PDF → pdftoppm → zbarimg → verify, with the Chinese text in the PDF', async () => {
    const issued = await t.app.get(PassTokenService).issue(pass);
    const pdf = await t.app.get(PassDocumentService).pdf(printable, issued.url);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = join(repoRoot, 'artifacts', 'pass-documents');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'pass.pdf'), pdf);
    await run('pdftoppm', ['-r', '150', '-png', '-singlefile', join(dir, 'pass.pdf'), join(dir, 'pass')]);

    const scanned = await zbarimg(join(dir, 'pass.png'));
    expect(scanned).toBe(issued.url);
    expect(verifyPassUrl(scanned, { trustList, statusList: statusList(), now }).state).toBe('valid');

    const { stdout: info } = await run('pdfinfo', [join(dir, 'pass.pdf')]);
    expect(info).toMatch(/Page size:\s+841\.89 x 595\.276 pts \(A4\)/);
    const { stdout: fonts } = await run('pdffonts', [join(dir, 'pass.pdf')]);
    expect(fonts).toMatch(/NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes/);
    const { stdout: text } = await run('pdftotext', ['-layout', join(dir, 'pass.pdf'), '-']);
    for (const expected of [
      '重点物资运输车辆通行证',
      '320115000123',
      '苏A·D12345（渐变绿色）',
      '江苏省南京市江宁区',
      '新疆维吾尔自治区阿勒泰地区阿勒泰市',
      '重点工业品',
      '2022年05月20日 至 2022年05月29日',
      '320115********123X',
      '核发单位：南京市江宁区交通运输局',
      '江苏省联防联控机制监制',
    ]) {
      expect(text.replace(/\s+/g, ' ')).toContain(expected);
    }
    expect(text).not.toContain('32011519800101123X');
  });

  it('lets a second server process sign with the same key through SIGNING_KEYS_DIR', async () => {
    const otherData = await mkdtemp(join(tmpdir(), 'pass-token-it2-'));
    const second = await startTestApp({ DATA_DIR: otherData, SIGNING_KEYS_DIR: join(dataDir, 'keys') });
    try {
      const list = (await (await fetch(`${second.url}/api/trust-list`)).json()) as TrustList;
      expect(list.keys.map((key) => key.kid)).toEqual(trustList.keys.map((key) => key.kid));
      const issued = await second.app.get(PassTokenService).issue(pass);
      expect(verifyPassToken(issued.token, { trustList, statusList: statusList(), now }).state).toBe('valid');
      expect(existsSync(join(otherData, 'keys'))).toBe(false);
    } finally {
      await second.close();
      await rm(otherData, { recursive: true, force: true });
    }
  });

  it('rotates with the CLI: the new key is published at once and signs after its activation delay', async () => {
    const cli = join(repoRoot, 'server/dist/signing/rotate-key.cli.js');
    expect(existsSync(cli)).toBe(true); // built by `pnpm run build`
    const keysDir = join(dataDir, 'rotation-keys');
    const env = { ...process.env, NODE_ENV: 'test', SIGNING_KEYS_DIR: keysDir };
    await run('node', [cli, '--activate-in-hours', '0'], { env });
    const { stdout } = await run('node', [cli], { env });
    expect(stdout).toMatch(/新密钥 [0-9a-f]{8} 已发布，将于 .+ 起用于签发/);
    expect(stdout).toMatch(/密钥 [0-9a-f]{8} 将于 .+ 停止签发/);
    expect((await readdir(keysDir)).filter((name) => name.endsWith('.json'))).toHaveLength(2);
    await expect(run('node', [cli, '--activate-in-hours', 'soon'], { env })).rejects.toMatchObject({
      stderr: expect.stringContaining('--activate-in-hours'),
    });
  });
});
