import {
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  StandardFonts,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import { openPdf } from '../../../tools/read/open-pdf.ts';
import { renderPageToPng } from '../../../tools/read/render-page.ts';
import { type DrawnText, makeTextPdf, PAGE_HEIGHT, PAGE_WIDTH } from './make-pdf.ts';

/** A picture of a born-digital page: what a scanner would produce from the printed page. */
export async function photographText(runs: DrawnText[], dpi = 150): Promise<Uint8Array> {
  const { bytes } = await makeTextPdf([runs]);
  const pdf = await openPdf(bytes, { maxImagePixels: 40_000_000 });
  try {
    return await renderPageToPng(pdf, await pdf.getPage(1), dpi / 72);
  } finally {
    await pdf.destroy();
  }
}

/**
 * A scanned page as scanners save it: the page image over the whole page plus an old OCR text
 * layer, either invisible (rendering mode 3) or drawn first and then covered by the image.
 */
export async function makeScannedPdf(
  scan: Uint8Array,
  oldLayer: { text: string; hiddenBy: 'invisible-mode' | 'image-on-top' },
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
  const image = await pdf.embedPng(scan);
  const drawOldLayer = () => page.drawText(oldLayer.text, { x: 72, y: 400, size: 12, font });
  if (oldLayer.hiddenBy === 'image-on-top') {
    drawOldLayer();
    page.drawImage(image, { x: 0, y: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT });
  } else {
    page.drawImage(image, { x: 0, y: 0, width: PAGE_WIDTH, height: PAGE_HEIGHT });
    page.pushOperators(pushGraphicsState(), setTextRenderingMode(TextRenderingMode.Invisible));
    drawOldLayer();
    page.pushOperators(popGraphicsState());
  }
  return pdf.save();
}
