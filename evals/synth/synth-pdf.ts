import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

/**
 * pdf-lib stamps CreationDate and ModDate from the clock on create and on save; a fixed date makes the same
 * seed give the same bytes. (pdf-lib writes no trailer /ID, so the dates are all that varies.)
 */
const FIXED_PDF_DATE = new Date(Date.UTC(2025, 0, 1));

function fixDates(pdf: PDFDocument): void {
  pdf.setCreationDate(FIXED_PDF_DATE);
  pdf.setModificationDate(FIXED_PDF_DATE);
  pdf.setProducer('paperwork synth');
  pdf.setCreator('paperwork synth');
}

export async function createSynthPdf(): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  fixDates(pdf);
  return pdf;
}

/** Re-saves a PDF from any generator with fixed metadata dates, so the corpus is byte-stable whoever drew it. */
export async function stabilizePdf(bytes: Uint8Array): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  fixDates(pdf);
  return pdf.save();
}

/**
 * A new PDF with one blank US Letter page and the named standard fonts, embedded in the order given (the order
 * numbers the PDF's objects, so it fixes the bytes). The IRS-form generators draw on it.
 */
export async function openLetterPage<Name extends string>(
  fontsByName: Record<Name, StandardFonts>,
): Promise<{ pdf: PDFDocument; page: PDFPage; fonts: Record<Name, PDFFont> }> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([612, 792]);
  const fonts = {} as Record<Name, PDFFont>;
  for (const [name, font] of Object.entries(fontsByName) as Array<[Name, StandardFonts]>) {
    fonts[name] = await pdf.embedFont(font);
  }
  return { pdf, page, fonts };
}

export type FontFamily = 'helvetica' | 'times' | 'courier';

const FAMILIES: Record<FontFamily, [StandardFonts, StandardFonts]> = {
  helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  courier: [StandardFonts.Courier, StandardFonts.CourierBold],
};

/** Text placement on one page: left, right-aligned or centred, regular or bold. */
export type PageWriter = {
  page: PDFPage;
  font: PDFFont;
  bold: PDFFont;
  text(value: string, x: number, y: number, size?: number, isBold?: boolean): void;
  right(value: string, xRight: number, y: number, size?: number, isBold?: boolean): void;
  center(value: string, y: number, size?: number, isBold?: boolean): void;
  rule(y: number, x1?: number, x2?: number): void;
};

export async function embedFamily(pdf: PDFDocument, family: FontFamily): Promise<[PDFFont, PDFFont]> {
  const [regular, bold] = FAMILIES[family];
  return [await pdf.embedFont(regular), await pdf.embedFont(bold)];
}

export function writerFor(page: PDFPage, font: PDFFont, bold: PDFFont, fontSize = 10): PageWriter {
  const pick = (isBold?: boolean) => (isBold ? bold : font);
  const { width } = page.getSize();
  return {
    page,
    font,
    bold,
    text: (value, x, y, size = fontSize, isBold) => page.drawText(value, { x, y, size, font: pick(isBold) }),
    right: (value, xRight, y, size = fontSize, isBold) =>
      page.drawText(value, {
        x: xRight - pick(isBold).widthOfTextAtSize(value, size),
        y,
        size,
        font: pick(isBold),
      }),
    center: (value, y, size = fontSize, isBold) =>
      page.drawText(value, {
        x: (width - pick(isBold).widthOfTextAtSize(value, size)) / 2,
        y,
        size,
        font: pick(isBold),
      }),
    rule: (y, x1 = 40, x2 = width - 40) =>
      page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness: 0.6 }),
  };
}
