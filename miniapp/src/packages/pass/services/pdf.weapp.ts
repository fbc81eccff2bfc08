import Taro from '@tarojs/taro';
import { apiUrl, bearer, withSession } from '@/services/binary';

/** WeChat: the PDF in WeChat's viewer, whose menu saves, forwards or prints it. */
export async function openPassPdf(path: string): Promise<void> {
  const filePath = await withSession((token) =>
    Taro.downloadFile({ url: apiUrl(path), header: bearer(token), timeout: 60_000 } as Taro.downloadFile.Option).then(
      (response) => ({ statusCode: response.statusCode, data: response.tempFilePath }),
    ),
  );
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}
