import { renderPdf, type PdfFont } from '@wage/platform';
import type { CaseDocument } from './case-document';

/** Lays a case document out on A4 as the model documents are: title, number, addressee, body, issuer and date. */
export function renderCaseDocument(font: PdfFont, document: CaseDocument): Promise<Buffer> {
  return renderPdf(font, { title: document.title, subject: document.documentNo }, (doc) => {
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    doc.fontSize(20).text(document.title, { align: 'center', width });
    doc.moveDown(0.5);
    doc.fontSize(11).text(document.documentNo, { align: 'right', width });
    doc.moveDown(1.5);
    doc.fontSize(13).text(document.addressee, { width });
    doc.moveDown(0.5);
    for (const paragraph of document.paragraphs) {
      doc.text(paragraph, { width, indent: 26, lineGap: 6, align: 'justify' });
      doc.moveDown(0.5);
    }
    doc.moveDown(3);
    doc.text(document.issuer, { align: 'right', width });
    doc.text(document.date, { align: 'right', width });
    doc.moveDown(3);
    doc.fontSize(9).fillColor('#555555').text(document.footer, { width });
  });
}
