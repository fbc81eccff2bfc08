/** Seal red, in print colour (C0 M100 Y100 K0). */
const sealRed: [number, number, number, number] = [0, 100, 100, 0];

/**
 * A round seal-like mark of the issuing department: its name along the upper arc, a star in the
 * centre, as Chinese official seals are laid out. It marks who issued the pass; the signature in the
 * QR code is what proves it.
 */
export function drawSeal(
  doc: PDFKit.PDFDocument,
  centre: { x: number; y: number },
  radius: number,
  name: string,
  font: string,
  caption = '通行证专用章',
): void {
  doc.save();
  doc
    .opacity(0.85)
    .lineWidth(radius * 0.06)
    .strokeColor(sealRed)
    .fillColor(sealRed);
  doc.circle(centre.x, centre.y, radius * 0.95).stroke();

  const chars = [...name];
  // Glyphs centred on a circle inside the ring, over at most 240° of it, upright towards the centre.
  const textRadius = radius * 0.66;
  const maxSpan = (240 * Math.PI) / 180;
  const fontSize = Math.min(radius * 0.27, (maxSpan * textRadius) / (Math.max(chars.length, 1) * 1.08));
  const span = (chars.length * fontSize * 1.08) / textRadius;
  doc.font(font).fontSize(fontSize);
  chars.forEach((char, i) => {
    const radians = -span / 2 + (span * (i + 0.5)) / chars.length;
    const x = centre.x + textRadius * Math.sin(radians);
    const y = centre.y - textRadius * Math.cos(radians);
    doc.save();
    doc.rotate((radians * 180) / Math.PI, { origin: [x, y] });
    // Noto Sans SC's ideographs are centred about 0.78 em below the top of pdfkit's line box.
    doc.text(char, x - doc.widthOfString(char) / 2, y - fontSize * 0.78, { lineBreak: false });
    doc.restore();
  });

  star(doc, centre.x, centre.y - radius * 0.05, radius * 0.28);
  doc.fontSize(radius * 0.16);
  const captionWidth = doc.widthOfString(caption);
  doc.text(caption, centre.x - captionWidth / 2, centre.y + radius * 0.36, { lineBreak: false });
  doc.restore();
}

function star(doc: PDFKit.PDFDocument, x: number, y: number, outer: number): void {
  const inner = outer * 0.382;
  const points: [number, number][] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = (i * Math.PI) / 5;
    points.push([x + r * Math.sin(a), y - r * Math.cos(a)]);
  }
  doc.polygon(...points).fill();
}
