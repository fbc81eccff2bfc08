import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// pngjs is the server's test dependency; load it from there (as qr.ts does).
const require = createRequire(new URL('../../../server/package.json', import.meta.url));
const { PNG } = require('pngjs') as {
  PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
};

/**
 * Writes a Y4M video (the format Chromium's fake camera plays, looping) showing the PNG image centred
 * on a light background, as a phone held up to a pass would see it: 4:2:0, full-range luma, grey
 * chroma. `share` is the image's side as a part of the frame's shorter side.
 */
export function writeQrVideo(png: Buffer, file: string, options = { width: 640, height: 480, frames: 4, share: 0.8 }) {
  const { width, height, frames, share } = options;
  const image = PNG.sync.read(png);
  const side = Math.round(Math.min(width, height) * share);
  const left = Math.round((width - side) / 2);
  const top = Math.round((height - side) / 2);
  const luma = Buffer.alloc(width * height, 235);
  for (let y = 0; y < side; y++) {
    const sy = Math.floor((y * image.height) / side);
    for (let x = 0; x < side; x++) {
      const sx = Math.floor((x * image.width) / side);
      const i = (sy * image.width + sx) * 4;
      const alpha = image.data[i + 3]! / 255;
      const grey = 0.299 * image.data[i]! + 0.587 * image.data[i + 1]! + 0.114 * image.data[i + 2]!;
      luma[(top + y) * width + left + x] = Math.round(grey * alpha + 255 * (1 - alpha));
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: frames }, () => frame)]));
}
