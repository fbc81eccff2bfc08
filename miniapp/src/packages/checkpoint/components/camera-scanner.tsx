import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { createFrameDecoder } from '../services/qr-decoder';
import './camera-scanner.scss';

interface TorchCapabilities {
  torch?: boolean;
}

/** Why the camera did not open, in words that say what to do instead. */
function cameraFailure(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError')
    return '未获得摄像头权限：请在浏览器设置中允许使用摄像头，或用扫码枪、证件编号核验。';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到摄像头：请用扫码枪或证件编号核验。';
  return '摄像头无法打开：请关闭其他使用摄像头的应用后重试，或用扫码枪、证件编号核验。';
}

/**
 * The live view of the rear camera, decoding frame after frame until a QR code is read. Mounted only
 * while scanning, so leaving it (or reading a code) always releases the camera.
 */
function LiveView({ onScanned, onClose }: { onScanned: (text: string) => void; onClose: () => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const track = useRef<MediaStreamTrack>();
  const [failure, setFailure] = useState('');
  const [torch, setTorch] = useState<boolean | null>(null);
  const [lastFrameMs, setLastFrameMs] = useState<number>();

  useEffect(() => {
    let stopped = false;
    let stream: MediaStream | undefined;
    const start = async () => {
      const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
      if (!media?.getUserMedia) {
        setFailure('此浏览器无法使用摄像头（需要 HTTPS 访问）：请用扫码枪或证件编号核验。');
        return;
      }
      const [opened, decode] = await Promise.all([
        media.getUserMedia({
          audio: false,
          video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
        }),
        createFrameDecoder(),
      ]);
      stream = opened;
      if (stopped || !video.current) return;
      track.current = stream.getVideoTracks()[0];
      const capabilities = (track.current?.getCapabilities?.() ?? {}) as TorchCapabilities;
      if (capabilities.torch) setTorch(false);
      video.current.srcObject = stream;
      await video.current.play();
      // One frame at a time: the next decode starts when the last one is done, never piling up.
      while (!stopped) {
        const element = video.current;
        if (element && element.readyState >= 2) {
          const began = performance.now();
          const text = await decode(element).catch(() => null);
          if (stopped) return;
          setLastFrameMs(Math.round(performance.now() - began));
          if (text) {
            onScanned(text);
            return;
          }
        }
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
    };
    start().catch((error) => {
      if (!stopped) setFailure(cameraFailure(error));
    });
    return () => {
      stopped = true;
      for (const t of stream?.getTracks() ?? []) t.stop();
    };
  }, [onScanned]);

  const toggleTorch = async () => {
    const on = !torch;
    try {
      await track.current?.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
      setTorch(on);
    } catch {
      setTorch(null);
    }
  };

  return (
    <View className='camera-scanner' data-testid='camera-scanner' data-frame-ms={lastFrameMs}>
      {failure ? (
        <Text className='camera-scanner__failure' data-testid='camera-failure'>
          {failure}
        </Text>
      ) : (
        <View className='camera-scanner__frame'>
          <video ref={video} className='camera-scanner__video' muted playsInline autoPlay />
          <View className='camera-scanner__aim' />
          <Text className='camera-scanner__hint'>将通行证二维码对准框内，纸质证或手机屏幕均可</Text>
        </View>
      )}
      <View className='camera-scanner__actions'>
        {torch !== null && (
          <Button size='large' fill='outline' onClick={toggleTorch}>
            {torch ? '关闭补光灯' : '打开补光灯'}
          </Button>
        )}
        <Button size='large' fill='outline' onClick={onClose}>
          关闭摄像头
        </Button>
      </View>
    </View>
  );
}

/** H5: scan with the phone's or terminal's camera, in the page. The WeChat build uses its own scanner. */
export function CameraScanner({ onScanned }: { onScanned: (text: string) => void }) {
  const [open, setOpen] = useState(false);
  const close = () => setOpen(false);
  const scanned = useRef(onScanned);
  scanned.current = onScanned;
  // Stable across renders, so the live view does not restart the camera on every state change.
  const [handle] = useState(() => (text: string) => {
    setOpen(false);
    scanned.current(text);
  });
  if (open) return <LiveView onScanned={handle} onClose={close} />;
  return (
    <Button type='primary' size='large' block className='camera-scanner__open' onClick={() => setOpen(true)}>
      扫码核验
    </Button>
  );
}
