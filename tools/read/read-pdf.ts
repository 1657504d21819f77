import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { AppError } from '../core/app-error.ts';
import type { Word } from '../documents/page.ts';
import { formFieldWords } from './form-field-words.ts';
import { analyzePageDrawing, type PageDrawing } from './hidden-text.ts';
import type { OcrPool } from './ocr-pool.ts';
import { corruptPdfError, openPdf } from './open-pdf.ts';
import { encodeUiPng } from './page-image.ts';
import { readPages } from './read-pages.ts';
import type { PageReading, ReadProgress } from './read-progress.ts';
import { recognizeScan } from './recognize-scan.ts';
import { capScale, OCR_DPI, renderPageToGray, renderPageToPng, scaleForDpi, UI_DPI } from './render-page.ts';
import { assertPageCount } from './sniff-file.ts';
import { countTextCharacters, wordsFromTextContent } from './text-layer-words.ts';

export type ReadPdfOptions = ReadProgress & { ocr: OcrPool; renderImages: boolean };

/**
 * Reads every page of a PDF: its text layer when it has real, visible text, otherwise (scans, and
 * scans carrying an old invisible OCR layer) the rendered page through OCR. Pages run `ocr.size`
 * at a time so a long scan keeps every OCR worker busy without rendering all pages into memory.
 */
export async function readPdf(bytes: Uint8Array, options: ReadPdfOptions): Promise<PageReading[]> {
  const pdf = await openPdf(bytes, { maxImagePixels: options.limits.maxImagePixels });
  try {
    assertPageCount(pdf.numPages, options.limits);
    return await readPages(pdf.numPages, options.ocr.size, options, (number) =>
      readPdfPage(pdf, number, options),
    );
  } finally {
    await pdf.destroy();
  }
}

async function readPdfPage(
  pdf: PDFDocumentProxy,
  number: number,
  options: ReadPdfOptions,
): Promise<PageReading> {
  const page = await parsing(() => pdf.getPage(number));
  try {
    const viewport = page.getViewport({ scale: 1 });
    const content = await parsing(() => page.getTextContent());
    const drawing = analyzePageDrawing(await parsing(() => page.getOperatorList()), page.view);
    const size = { number, width: viewport.width, height: viewport.height };
    const fieldWords = await parsing(() => formFieldWords(page, viewport));

    if (hasReadableText(countTextCharacters(content), drawing, options.limits.minTextCharsPerPage)) {
      const words = [...wordsFromTextContent(content, viewport), ...fieldWords];
      const image = options.renderImages
        ? await parsing(() => renderPageToPng(pdf, page, scaleForDpi(page, UI_DPI)))
        : undefined;
      return { page: { ...size, source: 'text', words }, image, ocrMs: 0 };
    }

    const gray = await parsing(() =>
      renderPageToGray(pdf, page, ocrScale(page, drawing, options.limits.maxImagePixels)),
    );
    const scan = await recognizeScan(gray, options.ocr, options.signal);
    const image = options.renderImages ? await encodeUiPng(gray) : undefined;
    // Typed-in form values are exact; OCR of the same pixels is not, so they replace what OCR read there.
    const words = [...scan.words.filter((word) => !isInsideAny(word, fieldWords)), ...fieldWords];
    return { page: { ...size, source: 'ocr', words }, image, ocrMs: scan.ocrMs };
  } finally {
    page.cleanup();
  }
}

/**
 * Below this many visible glyphs, text drawn over a full-page scan is an overlay (an "AP RECEIVED"
 * stamp, a Bates number, a page footer added by a document system), not the page's content.
 */
const OVERLAY_MAX_GLYPHS = 200;

/**
 * Text counts when there is enough of it and most of it can be seen. A scan whose old OCR text is
 * invisible or under the image has plenty of characters, nearly all hidden; a scan with a stamp
 * on top has a few visible ones. Either is OCRed (the render includes the stamp).
 */
function hasReadableText(characters: number, drawing: PageDrawing, minCharacters: number): boolean {
  if (characters < minCharacters) return false;
  if (drawing.hiddenGlyphs > drawing.visibleGlyphs) return false;
  const isOverlayOnScan =
    drawing.scanPixelsPerPoint !== undefined && drawing.visibleGlyphs < OVERLAY_MAX_GLYPHS;
  return !isOverlayOnScan;
}

/**
 * A scan is rendered at its own resolution (more pixels add nothing, fewer lose detail), capped at
 * OCR_DPI; a page without a scan image (text drawn as outlines, say) at OCR_DPI.
 */
function ocrScale(page: PDFPageProxy, drawing: PageDrawing, maxImagePixels: number): number {
  const maxScale = scaleForDpi(page, OCR_DPI, maxImagePixels);
  return drawing.scanPixelsPerPoint
    ? capScale(page, Math.min(drawing.scanPixelsPerPoint, maxScale))
    : maxScale;
}

function isInsideAny(word: Word, others: Word[]): boolean {
  const x = (word.bbox[0] + word.bbox[2]) / 2;
  const y = (word.bbox[1] + word.bbox[3]) / 2;
  return others.some(({ bbox }) => x >= bbox[0] && x <= bbox[2] && y >= bbox[1] && y <= bbox[3]);
}

/**
 * Faults while parsing or drawing page content are the file's: pdfjs skips what it can and only
 * gives up on content (streams, fonts, images) it cannot make sense of.
 */
async function parsing<T>(step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw error instanceof AppError ? error : corruptPdfError(error);
  }
}
