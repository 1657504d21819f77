import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import sharp from 'sharp';
import type { GrayImage } from './page-image.ts';

const POINTS_PER_INCH = 72;
/**
 * 300 dpi is where tesseract reads body text best (10 pt text becomes ~30 px high); more only costs
 * time. 150 dpi is enough for a person to read a page on screen and keeps the PNG near 500 KB.
 */
export const OCR_DPI = 300;
export const UI_DPI = 150;
/** A ceiling for one rendered page, whatever its size in points (posters, 200-inch pages). */
const MAX_RENDER_PIXELS = 25_000_000;

/** The scale (pixels per point) to render at `dpi`, lowered so the page stays within `maxPixels`. */
export function scaleForDpi(page: PDFPageProxy, dpi: number, maxPixels = MAX_RENDER_PIXELS): number {
  return capScale(page, dpi / POINTS_PER_INCH, maxPixels);
}

export function capScale(page: PDFPageProxy, scale: number, maxPixels = MAX_RENDER_PIXELS): number {
  const { width, height } = page.getViewport({ scale: 1 });
  const limit = Math.sqrt(Math.min(maxPixels, MAX_RENDER_PIXELS) / (width * height));
  return Math.min(scale, limit);
}

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/** The part of @napi-rs/canvas we use, as pdfjs's canvas factory hands it out in Node. */
type NodeCanvas = { width: number; height: number; encode(format: 'png'): Promise<Buffer>; data(): Buffer };
type CanvasAndContext = {
  canvas: NodeCanvas;
  context: { fillStyle: string; fillRect(...box: number[]): void };
};
type CanvasFactory = {
  create(width: number, height: number): CanvasAndContext;
  destroy(item: CanvasAndContext): void;
};

/** Draws a page (with its annotations' appearances, so filled-in form fields show) on white, as PNG. */
export function renderPageToPng(
  pdf: PDFDocumentProxy,
  page: PDFPageProxy,
  scale: number,
): Promise<Uint8Array> {
  return withRenderedPage(pdf, page, scale, (canvas) => canvas.encode('png'));
}

/** The same drawing in 8-bit gray, the input OCR wants (colour adds nothing to reading and triples the bytes). */
export function renderPageToGray(
  pdf: PDFDocumentProxy,
  page: PDFPageProxy,
  scale: number,
): Promise<GrayImage> {
  return withRenderedPage(pdf, page, scale, async (canvas) => {
    const { data, info } = await sharp(canvas.data(), {
      raw: { width: canvas.width, height: canvas.height, channels: 4 },
    })
      .removeAlpha()
      .grayscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  });
}

/**
 * The canvas comes from the document's own factory: pdfjs loads @napi-rs/canvas itself (and
 * polyfills Path2D from it), and objects from two loaded copies of the addon must not meet.
 */
async function withRenderedPage<T>(
  pdf: PDFDocumentProxy,
  page: PDFPageProxy,
  scale: number,
  use: (canvas: NodeCanvas) => Promise<T>,
): Promise<T> {
  const factory = pdf.canvasFactory as CanvasFactory;
  const viewport = page.getViewport({ scale });
  const target = factory.create(
    Math.max(1, Math.round(viewport.width)),
    Math.max(1, Math.round(viewport.height)),
  );
  try {
    // Opaque white first: pixels are then the same premultiplied or not, and transparency reads as paper.
    target.context.fillStyle = '#ffffff';
    target.context.fillRect(0, 0, target.canvas.width, target.canvas.height);
    await page.render({
      canvas: target.canvas as unknown as RenderParameters['canvas'],
      canvasContext: target.context as unknown as RenderParameters['canvasContext'],
      viewport,
    }).promise;
    return await use(target.canvas);
  } finally {
    factory.destroy(target);
  }
}
