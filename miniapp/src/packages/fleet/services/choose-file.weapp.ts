import Taro from '@tarojs/taro';
import type { ChosenFile } from './choose-file';

export type { ChosenFile } from './choose-file';

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * WeChat: photograph the document, pick a photo, or pick a PDF someone sent in a chat (a mini-program
 * cannot browse the phone's files). Resolves null when cancelled.
 */
export async function chooseAttachmentFile(): Promise<ChosenFile | null> {
  let tapIndex: number;
  try {
    ({ tapIndex } = await Taro.showActionSheet({ itemList: ['拍照', '从相册选择', '从聊天记录选择图片或PDF'] }));
  } catch {
    return null;
  }
  try {
    if (tapIndex === 2) {
      // WeChat filters by `extension` only with type 'file' ('all' would offer videos and anything).
      const { tempFiles } = await Taro.chooseMessageFile({
        count: 1,
        type: 'file',
        extension: ['pdf', 'jpg', 'jpeg', 'png'],
      });
      const file = tempFiles[0];
      return file ? { path: file.path, name: file.name, size: file.size } : null;
    }
    // chooseMedia, not the deprecated chooseImage.
    const { tempFiles } = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: [tapIndex === 0 ? 'camera' : 'album'],
    });
    const file = tempFiles[0];
    return file ? { path: file.tempFilePath, name: baseName(file.tempFilePath), size: file.size } : null;
  } catch {
    return null;
  }
}
