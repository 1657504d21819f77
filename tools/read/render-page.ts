import { type Canvas, createCanvas } from '@napi-rs/canvas';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
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

/** Draws a page (with its annotations' appearances, so filled-in form fields show) on white, as PNG. */
export async function renderPageToPng(page: PDFPageProxy, scale: number): Promise<Uint8Array> {
  const canvas = await renderPage(page, scale);
  return canvas.encode('png');
}

/** The same drawing in 8-bit gray, the input OCR wants (colour adds nothing to reading and triples the bytes). */
export async function renderPageToGray(page: PDFPageProxy, scale: number): Promise<GrayImage> {
  const canvas = await renderPage(page, scale);
  const { data, info } = await sharp(canvas.data(), {
    raw: { width: canvas.width, height: canvas.height, channels: 4 },
  })
    .removeAlpha()
    .grayscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

async function renderPage(page: PDFPageProxy, scale: number): Promise<Canvas> {
  const viewport = page.getViewport({ scale });
  const canvas = createCanvas(
    Math.max(1, Math.round(viewport.width)),
    Math.max(1, Math.round(viewport.height)),
  );
  const context = canvas.getContext('2d');
  // Opaque white first: the pixels are then the same premultiplied or not, and transparent pages read as paper.
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  // pdfjs is typed against the DOM canvas; @napi-rs/canvas implements the same 2D API in Node.
  await page.render({
    canvas: canvas as unknown as RenderParameters['canvas'],
    canvasContext: context as unknown as RenderParameters['canvasContext'],
    viewport,
  }).promise;
  return canvas;
}
