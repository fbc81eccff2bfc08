import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import './camera-scanner.scss';

/** WeChat: its own camera scanner (scanCode), which hands back the QR code's text. */
export function CameraScanner({ onScanned }: { onScanned: (text: string) => void }) {
  const scan = async () => {
    try {
      const { result } = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      if (result) onScanned(result);
    } catch {
      // Cancelled: stay on the page.
    }
  };
  return (
    <Button type='primary' size='large' block className='camera-scanner__open' onClick={scan}>
      扫码核验
    </Button>
  );
}
