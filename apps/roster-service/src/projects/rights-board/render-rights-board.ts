import { create as createQrCode } from 'qrcode';
import { renderPdf, type PdfFont, type PdfPaper, type PdfWriter } from '@wage/platform';
import type { BoardLine, RightsBoard } from './rights-board';

/**
 * Lays the board out on one page, A4 or A3 (everything scaled with the page): the title, three sections of
 * labelled lines, and the QR code to the workers' page beside the complaint channels, drawn as vector squares so
 * it stays sharp however large it is printed.
 */
export function renderRightsBoard(font: PdfFont, board: RightsBoard, paper: PdfPaper): Promise<Buffer> {
  return renderPdf(
    font,
    { title: board.title, subject: board.basis },
    (doc) => {
      const scale = doc.page.width / 595.28;
      const left = doc.page.margins.left;
      const width = doc.page.width - left - doc.page.margins.right;
      doc.fontSize(26 * scale).text(board.title, left, doc.page.margins.top, { align: 'center', width });
      doc.moveDown(0.2);
      doc
        .fontSize(11 * scale)
        .fillColor('#444444')
        .text(board.basis, { align: 'center', width });
      doc.fillColor('#000000');

      section(doc, scale, '一、参建单位', board.project, width);
      section(doc, scale, '二、工资支付', board.pay, width);

      const qrSize = 130 * scale;
      const textWidth = width - qrSize - 20 * scale;
      const top = section(doc, scale, '三、维权渠道', board.channels, textWidth);
      const end = doc.y;
      doc
        .fontSize(14 * scale)
        .text(board.workerPageUrl, left, Math.max(end, top + qrSize + 24 * scale), { width });
      drawQrCode(doc, board.workerPageUrl, left + width - qrSize, top, qrSize);
      doc.fontSize(10 * scale).text(board.qrCaption, left + width - qrSize, top + qrSize + 4 * scale, {
        width: qrSize,
        align: 'center',
      });

      doc
        .fontSize(9 * scale)
        .fillColor('#555555')
        .text(board.footer, left, doc.page.height - doc.page.margins.bottom - 30 * scale, { width });
    },
    paper,
  );
}

/** A heading and its lines; answers where the lines began, for what is placed beside them. */
function section(doc: PdfWriter, scale: number, heading: string, lines: BoardLine[], width: number): number {
  const left = doc.page.margins.left;
  doc.moveDown(0.9);
  doc.fontSize(16 * scale).text(heading, left, doc.y, { width });
  doc.moveDown(0.3);
  const top = doc.y;
  doc.fontSize(11.5 * scale);
  for (const line of lines) {
    doc.text(`${line.label}：${line.text}`, left, doc.y, { width, lineGap: 3 * scale });
    doc.moveDown(0.25);
  }
  return top;
}

function drawQrCode(doc: PdfWriter, text: string, x: number, y: number, size: number): void {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const cell = size / (modules.size + quiet * 2);
  doc.save().fillColor('#000000');
  for (let row = 0; row < modules.size; row++) {
    for (let column = 0; column < modules.size; column++) {
      if (modules.get(row, column)) {
        doc.rect(x + (column + quiet) * cell, y + (row + quiet) * cell, cell, cell);
      }
    }
  }
  doc.fill().restore();
}
