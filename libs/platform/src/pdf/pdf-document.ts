import { existsSync } from 'node:fs';
import { HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import { ApiError } from '../http/api-error';

/**
 * The font PDF documents are set in. Chinese needs a CJK font, which PDF viewers do not bring: it is embedded,
 * subset to the characters used (a one-page order is about 15 KB). The default is Debian's `fonts-wqy-microhei`
 * (installed in the image and by the test script); `PDF_FONT_PATH` may name any TrueType/OpenType file or
 * collection, `PDF_FONT_FAMILY` the PostScript name of the face to take from a collection.
 */
export const pdfFontEnv = z.object({
  PDF_FONT_PATH: z.string().min(1).default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
  PDF_FONT_FAMILY: z.string().min(1).default('WenQuanYiMicroHei'),
});

export interface PdfFont {
  path: string;
  /** The PostScript name of the face in a collection (.ttc); ignored for a single-face file. */
  family: string;
}

export function pdfFontOf(env: z.infer<typeof pdfFontEnv>): PdfFont {
  return { path: env.PDF_FONT_PATH, family: env.PDF_FONT_FAMILY };
}

export type PdfWriter = PDFKit.PDFDocument;

/** The paper a document is set on: A4 for letters and orders, A3 for a notice put up on a site. */
export type PdfPaper = 'A4' | 'A3';

/**
 * Renders one document set in `font` (A4 unless `paper` says A3) and answers its bytes. Without the font file the
 * answer is 503 saying what to install: a document with boxes for characters would be worse than none.
 */
export async function renderPdf(
  font: PdfFont,
  info: { title: string; subject?: string },
  draw: (doc: PdfWriter) => void,
  paper: PdfPaper = 'A4',
): Promise<Buffer> {
  if (!existsSync(font.path))
    throw new ApiError(
      HttpStatus.SERVICE_UNAVAILABLE,
      'PDF_FONT_MISSING',
      `the Chinese font for PDF documents is not installed at ${font.path}: install Debian's fonts-wqy-microhei ` +
        'or set PDF_FONT_PATH to a CJK TrueType font',
    );
  // Loaded on first use: most services never render a document.
  const { default: PDFDocument } = await import('pdfkit');
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      size: paper,
      margins: { top: 72, bottom: 72, left: 80, right: 80 },
      info: { Title: info.title, ...(info.subject && { Subject: info.subject }), Producer: 'wage-guard' },
      lang: 'zh-CN',
      displayTitle: true,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      doc.registerFont('body', font.path, font.family);
      doc.font('body');
      draw(doc);
      doc.end();
    } catch (error) {
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
