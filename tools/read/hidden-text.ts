import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Text rendering modes 3 (neither fill nor stroke) and 7 (clip only) draw nothing. */
const INVISIBLE_RENDERING_MODES = new Set([3, 7]);
/** An image covering this share of the page is a scan of the whole page. */
const FULL_PAGE_COVER = 0.85;

type Matrix = [number, number, number, number, number, number];
type GraphicsState = { ctm: Matrix; renderingMode: number };
export type OperatorList = { fnArray: number[]; argsArray: unknown[][] };

/** What a page draws, as far as deciding between its text layer and OCR goes. */
export type PageDrawing = {
  visibleGlyphs: number;
  hiddenGlyphs: number;
  /** Pixels per PDF point of the largest full-page image (a scan), to render it at its own resolution. */
  scanPixelsPerPoint?: number;
};

/**
 * Counts the glyphs a page draws that a reader can see and those nobody can: text in an invisible
 * rendering mode, or text later painted over by a full-page image. Scanners and OCR tools put their
 * (often poor) recognised text under or behind the scan this way; such a page must be OCRed again.
 * `view` is the page's box in PDF user space, [x0, y0, x1, y1].
 */
export function analyzePageDrawing(ops: OperatorList, view: number[]): PageDrawing {
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = view;
  const pageArea = Math.abs(vx1 - vx0) * Math.abs(vy1 - vy0);
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { ctm: [1, 0, 0, 1, 0, 0], renderingMode: 0 };
  let hidden = 0;
  // Glyphs drawn visibly so far; a later full-page image covers them all.
  let visibleBeforeImage = 0;
  let scanPixelsPerPoint: number | undefined;

  for (let index = 0; index < ops.fnArray.length; index += 1) {
    const fn = ops.fnArray[index];
    const args = ops.argsArray[index] ?? [];
    switch (fn) {
      case OPS.save:
        stack.push({ ...state, ctm: [...state.ctm] });
        break;
      case OPS.restore:
        state = stack.pop() ?? state;
        break;
      case OPS.transform:
        state.ctm = multiply(args as Matrix, state.ctm);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push({ ...state, ctm: [...state.ctm] });
        if (Array.isArray(args[0]) && args[0].length === 6)
          state.ctm = multiply(args[0] as Matrix, state.ctm);
        break;
      case OPS.paintFormXObjectEnd:
        state = stack.pop() ?? state;
        break;
      case OPS.setTextRenderingMode:
        state.renderingMode = Number(args[0]);
        break;
      case OPS.showText:
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText: {
        const glyphs = countGlyphs(args[args.length - 1]);
        if (INVISIBLE_RENDERING_MODES.has(state.renderingMode)) hidden += glyphs;
        else visibleBeforeImage += glyphs;
        break;
      }
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
        // Images are drawn into the unit square, mapped onto the page by the current matrix.
        if (pageArea > 0 && coveredArea(state.ctm, view) / pageArea >= FULL_PAGE_COVER) {
          hidden += visibleBeforeImage;
          visibleBeforeImage = 0;
          const pixelsPerPoint = imageWidth(fn, args) / Math.hypot(state.ctm[0], state.ctm[1]);
          if (Number.isFinite(pixelsPerPoint))
            scanPixelsPerPoint = Math.max(scanPixelsPerPoint ?? 0, pixelsPerPoint);
        }
        break;
    }
  }
  return { visibleGlyphs: visibleBeforeImage, hiddenGlyphs: hidden, scanPixelsPerPoint };
}

/** Image width in pixels: an argument of image XObjects, a property of inline images and masks. */
function imageWidth(fn: number | undefined, args: unknown[]): number {
  if (fn === OPS.paintImageXObject) return Number(args[1]);
  const image = args[0] as { width?: unknown } | undefined;
  return Number(image?.width);
}

function countGlyphs(glyphs: unknown): number {
  if (!Array.isArray(glyphs)) return 0;
  let count = 0;
  for (const glyph of glyphs) {
    if (glyph && typeof glyph === 'object' && 'unicode' in glyph) {
      const unicode = String((glyph as { unicode: unknown }).unicode);
      if (unicode.trim() !== '') count += 1;
    }
  }
  return count;
}

/** PDF matrices compose left to right: a point goes through `first`, then `second`. */
function multiply(first: Matrix, second: Matrix): Matrix {
  const [a1, b1, c1, d1, e1, f1] = first;
  const [a2, b2, c2, d2, e2, f2] = second;
  return [
    a1 * a2 + b1 * c2,
    a1 * b2 + b1 * d2,
    c1 * a2 + d1 * c2,
    c1 * b2 + d1 * d2,
    e1 * a2 + f1 * c2 + e2,
    e1 * b2 + f1 * d2 + f2,
  ];
}

/** Area of the page that the unit square under `ctm` covers (its bounding box, clipped to the page). */
function coveredArea(ctm: Matrix, view: number[]): number {
  const [a, b, c, d, e, f] = ctm;
  const xs = [e, a + e, c + e, a + c + e];
  const ys = [f, b + f, d + f, b + d + f];
  const [vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0] = view;
  const width = Math.min(Math.max(...xs), Math.max(vx0, vx1)) - Math.max(Math.min(...xs), Math.min(vx0, vx1));
  const height =
    Math.min(Math.max(...ys), Math.max(vy0, vy1)) - Math.max(Math.min(...ys), Math.min(vy0, vy1));
  return Math.max(0, width) * Math.max(0, height);
}
