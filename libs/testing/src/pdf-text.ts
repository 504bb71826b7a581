import { execFile } from 'node:child_process';

// pdf-parse (pdf.js) loads its worker with a dynamic import, which Jest's module sandbox refuses: the text is read
// in a plain Node process instead.
const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const { text, total } = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ text, pages: total }));
});`;

/** The text of a PDF as a reader's copy-and-paste would give it, and its page count. */
export function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', EXTRACT],
      { cwd: __dirname, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`could not read the PDF: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout));
      },
    );
    child.stdin!.end(pdf);
  });
}
