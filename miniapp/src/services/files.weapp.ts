import Taro from '@tarojs/taro';
import { apiUrl, bearer, withSession } from '@/services/binary';

/** WeChat: the file downloaded to a temporary path, which <Image> shows and openDocument opens. */
export function localFileUrl(path: string, _mimeType?: string): Promise<string> {
  return withSession((token) =>
    Taro.downloadFile({ url: apiUrl(path), header: bearer(token), timeout: 60_000 } as Taro.downloadFile.Option).then(
      (response) => ({ statusCode: response.statusCode, data: response.tempFilePath }),
    ),
  );
}

/** WeChat: the PDF in WeChat's document viewer, whose menu can forward, save or print it. */
export async function openPdf(path: string): Promise<void> {
  const filePath = await localFileUrl(path);
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}
