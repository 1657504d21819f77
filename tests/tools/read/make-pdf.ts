import { degrees, PDFDocument, type PDFFont, StandardFonts } from 'pdf-lib';

/** Letter size in points. */
export const PAGE_WIDTH = 612;
export const PAGE_HEIGHT = 792;

export type DrawnText = { text: string; x: number; y: number; size: number };

/**
 * A born-digital PDF with the given text runs on each page. Returns the bytes and, per page, the
 * box of every word in PDF user space (origin bottom-left, points), from Helvetica's metrics.
 */
export async function makeTextPdf(
  pages: DrawnText[][],
  options: { rotation?: number; cropBox?: [number, number, number, number] } = {},
): Promise<{
  bytes: Uint8Array;
  wordBoxes: { text: string; x0: number; y0: number; x1: number; y1: number }[][];
}> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const wordBoxes = pages.map((runs) => {
    const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    if (options.rotation) page.setRotation(degrees(options.rotation));
    if (options.cropBox) page.setCropBox(...options.cropBox);
    return runs.flatMap((run) => {
      page.drawText(run.text, { x: run.x, y: run.y, size: run.size, font });
      return wordsOf(run, font);
    });
  });
  return { bytes: await pdf.save(), wordBoxes };
}

function wordsOf(run: DrawnText, font: PDFFont) {
  const words: { text: string; x0: number; y0: number; x1: number; y1: number }[] = [];
  let offset = 0;
  for (const token of run.text.split(/(\s+)/)) {
    const width = font.widthOfTextAtSize(token, run.size);
    if (token.trim() !== '') {
      // Helvetica rises 0.718 em (cap height) and falls 0.207 em.
      words.push({
        text: token,
        x0: run.x + offset,
        x1: run.x + offset + width,
        y0: run.y - 0.207 * run.size,
        y1: run.y + 0.718 * run.size,
      });
    }
    offset += width;
  }
  return words;
}

/** A PDF of `count` blank-ish pages, each with a little text. */
export async function makePagesPdf(count: number): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (let index = 0; index < count; index += 1) {
    pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]).drawText(`Page ${index + 1}`, { x: 72, y: 700, size: 12, font });
  }
  return pdf.save();
}

/**
 * A minimal PDF, written by hand, whose trailer points to a standard security handler: the
 * password check fails for the empty user password, as for any password-protected file.
 */
export function makeEncryptedPdf(): Uint8Array {
  const hex32 = (byte: string) => `<${byte.repeat(32)}>`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>',
    `<< /Filter /Standard /V 1 /R 2 /O ${hex32('ab')} /U ${hex32('cd')} /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefAt = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\n`;
  body += `startxref\n${xrefAt}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
