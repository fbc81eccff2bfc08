/** A file the user picked, ready for `Taro.uploadFile`. */
export interface ChosenFile {
  /** Object URL in a browser; temporary file path in WeChat. */
  path: string;
  name: string;
  size: number;
}

/**
 * H5: a file input that takes photos, images and PDF (Taro.chooseImage would offer images only). On
 * a phone the browser offers the camera, the gallery and files. Resolves null when cancelled.
 * The WeChat build uses `choose-file.weapp.ts` instead.
 */
export function chooseAttachmentFile(): Promise<ChosenFile | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/jpeg,image/png,application/pdf';
    input.style.display = 'none';
    const finish = (file: File | undefined) => {
      input.remove();
      resolve(file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : null);
    };
    input.addEventListener('change', () => finish(input.files?.[0]));
    input.addEventListener('cancel', () => finish(undefined));
    document.body.appendChild(input);
    input.click();
  });
}
