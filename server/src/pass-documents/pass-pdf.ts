import {
  chinaToday,
  crewRoleNames,
  findMaterialCategory,
  formatPlate,
  maskIdNumber,
  plateColourNames,
  regionFullName,
  regionName,
} from '@pass/shared';
import PDFDocument from 'pdfkit';
import type { PassFonts } from './fonts.js';
import { isDark, minModuleMm, type PassQr, qrSideModules, quietZoneModules } from './pass-qr.js';
import type { PrintablePass } from './printable-pass.js';
import { drawSeal } from './seal.js';

type Cmyk = [number, number, number, number];

/** The template's background, print colour C50 Y50 K0, and a darker green for rules and labels. */
const passGreen: Cmyk = [50, 0, 50, 0];
const ruleGreen: Cmyk = [85, 30, 90, 25];
const ink: Cmyk = [0, 0, 0, 100];
const white: Cmyk = [0, 0, 0, 0];

const mm = (value: number) => (value * 72) / 25.4;
const page = { width: mm(297), height: mm(210) };
const table = { x: mm(16), y: mm(37), labelWidth: mm(29), width: mm(192), bottom: mm(168) };
const qrBox = { x: mm(220), y: mm(37), size: mm(60) };

const chineseDate = (date: string) => {
  const [year, month, day] = date.split('-');
  return `${year}年${month}月${day}日`;
};

function rows(pass: PrintablePass): [string, string][] {
  const place = (code: string) => regionFullName(code) ?? code;
  const category =
    pass.materialCategoryName ?? findMaterialCategory(pass.materialCategory)?.name ?? pass.materialCategory;
  const crew = pass.crew.map((member) => {
    const role = member.role ? `${crewRoleNames[member.role]}，` : '';
    return `${member.name}（${role}身份证号 ${maskIdNumber(member.idNumber)}）`;
  });
  return [
    ['证件编号', pass.passNumber],
    ['车牌号码', `${formatPlate(pass.plate)}（${plateColourNames[pass.plateColour]}）`],
    ['始 发 地', place(pass.originCode)],
    ['目 的 地', place(pass.destinationCode)],
    ['途　　经', pass.waypointCodes.length > 0 ? pass.waypointCodes.map(place).join('、') : '无'],
    ['运输物资', `${category}：${pass.materialDescription}`],
    ['有 效 期', `${chineseDate(pass.validFrom)} 至 ${chineseDate(pass.validTo)}`],
    ['司乘人员', crew.join('；')],
  ];
}

const rowPadding = mm(2.4);

/** The largest font size, down to 9 pt, at which every row fits above the footer. */
function fitTable(doc: PDFKit.PDFDocument, content: [string, string][]): number {
  const valueWidth = table.width - table.labelWidth - 2 * rowPadding;
  for (let size = 14; size > 9; size -= 0.5) {
    doc.fontSize(size);
    const height = content.reduce(
      (sum, [, value]) => sum + doc.heightOfString(value, { width: valueWidth, lineGap: 1 }) + 2 * rowPadding,
      0,
    );
    if (table.y + height <= table.bottom) return size;
  }
  return 9;
}

function drawTable(doc: PDFKit.PDFDocument, pass: PrintablePass): void {
  const content = rows(pass);
  doc.font('regular');
  const size = fitTable(doc, content);
  const valueX = table.x + table.labelWidth + rowPadding;
  const valueWidth = table.width - table.labelWidth - 2 * rowPadding;
  let y = table.y;
  doc.lineWidth(0.8).strokeColor(ruleGreen);
  doc
    .moveTo(table.x, y)
    .lineTo(table.x + table.width, y)
    .stroke();
  for (const [label, value] of content) {
    doc.font('regular').fontSize(size);
    const height = doc.heightOfString(value, { width: valueWidth, lineGap: 1 }) + 2 * rowPadding;
    doc.font('bold').fontSize(size).fillColor(ruleGreen);
    doc.text(label, table.x + rowPadding, y + rowPadding, { width: table.labelWidth - rowPadding, lineBreak: false });
    doc.font('regular').fontSize(size).fillColor(ink);
    doc.text(value, valueX, y + rowPadding, { width: valueWidth, lineGap: 1 });
    y += height;
    doc
      .moveTo(table.x, y)
      .lineTo(table.x + table.width, y)
      .stroke();
  }
  doc
    .moveTo(table.x + table.labelWidth, table.y)
    .lineTo(table.x + table.labelWidth, y)
    .stroke();
}

/** Vector modules on a white square: sharp at any printer resolution. */
function drawQr(doc: PDFKit.PDFDocument, qr: PassQr): void {
  const module = qrBox.size / qrSideModules(qr);
  if (module < mm(minModuleMm)) throw new Error(`QR version ${qr.version} too dense to print at ${minModuleMm} mm`);
  doc.rect(qrBox.x, qrBox.y, qrBox.size, qrBox.size).fill(white);
  doc.fillColor(ink);
  for (let row = 0; row < qr.modules.size; row++) {
    for (let column = 0; column < qr.modules.size; column++) {
      if (!isDark(qr, row, column)) continue;
      let run = 1;
      while (column + run < qr.modules.size && isDark(qr, row, column + run)) run++;
      // A hair of overlap so that anti-aliasing viewers show no seams between modules.
      const x = qrBox.x + (column + quietZoneModules) * module;
      const y = qrBox.y + (row + quietZoneModules) * module;
      doc.rect(x, y, run * module + 0.05, module + 0.05);
      column += run - 1;
    }
  }
  doc.fill(ink);
  const centre = qrBox.x + qrBox.size / 2;
  doc.font('bold').fontSize(11).fillColor(ink);
  centredText(doc, '微信扫一扫 查验真伪', centre, qrBox.y + qrBox.size + mm(3));
  doc.font('regular').fontSize(8.5).fillColor(ruleGreen);
  centredText(doc, '检查站可离线核验二维码签名', centre, qrBox.y + qrBox.size + mm(9));
}

function centredText(doc: PDFKit.PDFDocument, text: string, centreX: number, y: number): void {
  doc.text(text, centreX - doc.widthOfString(text) / 2, y, { lineBreak: false });
}

function supervisorOf(pass: PrintablePass): string {
  return pass.supervisorName ?? `${regionName(`${pass.passNumber.slice(0, 2)}0000`) ?? ''}联防联控机制`;
}

/** The A4 landscape pass of the national template, with the signed QR code. */
export function renderPassPdf(pass: PrintablePass, qr: PassQr, fonts: PassFonts): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [page.width, page.height],
    margin: 0,
    lang: 'zh-CN',
    info: {
      Title: `重点物资运输车辆通行证 ${pass.passNumber}`,
      Author: pass.issuerName,
      Subject: formatPlate(pass.plate),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);

  doc.rect(0, 0, page.width, page.height).fill(passGreen);
  doc
    .lineWidth(2)
    .strokeColor(ruleGreen)
    .rect(mm(8), mm(8), page.width - mm(16), page.height - mm(16))
    .stroke();
  doc
    .lineWidth(0.6)
    .rect(mm(10), mm(10), page.width - mm(20), page.height - mm(20))
    .stroke();

  doc.font('bold').fontSize(30).fillColor(ink);
  const title = '重点物资运输车辆通行证';
  const spacing = 6;
  const titleWidth = doc.widthOfString(title, { characterSpacing: spacing }) - spacing;
  doc.text(title, (page.width - titleWidth) / 2, mm(14), { characterSpacing: spacing, lineBreak: false });
  doc.font('regular').fontSize(10.5).fillColor(ruleGreen);
  centredText(doc, '全国互认　一车一证一线路　免费核发', page.width / 2, mm(28));

  drawTable(doc, pass);
  drawQr(doc, qr);

  const issuedOn = chineseDate(chinaToday(new Date(pass.issuedAt)));
  const right = mm(281);
  // The mark first, so that the issuer's name and the date stay legible on top of it.
  drawSeal(doc, { x: right - mm(22), y: mm(177) }, mm(19), pass.issuerName, 'bold');
  doc.font('bold').fontSize(12).fillColor(ink);
  const issuerLine = `核发单位：${pass.issuerName}`;
  doc.text(issuerLine, right - doc.widthOfString(issuerLine), mm(174), { lineBreak: false });
  doc.font('regular').fontSize(11);
  doc.text(issuedOn, right - doc.widthOfString(issuedOn), mm(181), { lineBreak: false });
  if (pass.issuerPhone) {
    // Whom a checkpoint or the driver calls about this pass.
    const phoneLine = `值班电话：${pass.issuerPhone}`;
    doc.text(phoneLine, right - doc.widthOfString(phoneLine), mm(187), { lineBreak: false });
  }

  doc.font('regular').fontSize(8.5).fillColor(ruleGreen);
  doc.text('纸质通行证与电子通行证具有同等效力。人、车、证、线路须一致；伪造、变造、转借无效。', table.x, mm(173), {
    lineBreak: false,
  });
  doc.font('bold').fontSize(12).fillColor(ink);
  centredText(doc, `${supervisorOf(pass)}监制`, page.width / 2, mm(194));

  doc.end();
  return done;
}
