import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { PageViewport } from 'pdfjs-dist/types/src/display/display_utils.js';
import type { Bbox, Word } from '../documents/page.ts';

/** What a ticked box reads as, so the layout rules can find which option (W-9 tax class) is chosen. */
export const CHECKED_BOX_TEXT = 'X';

/** The parts of pdfjs's annotation data we use; it is typed as `any` upstream. */
type AnnotationData = {
  subtype?: string;
  fieldType?: string | null;
  fieldValue?: unknown;
  exportValue?: string;
  buttonValue?: string;
  checkBox?: boolean;
  radioButton?: boolean;
  hidden?: boolean;
  rect?: number[];
  contentsObj?: { str?: string };
};

/**
 * Words typed into a PDF's form fields and free-text boxes ("Fill & Sign"). They are annotations,
 * not page content, so the text layer does not have them; a filled-in W-9 keeps its name and TIN
 * there. Each value is laid out across its field box, one row per line.
 */
export async function formFieldWords(page: PDFPageProxy, viewport: PageViewport): Promise<Word[]> {
  const annotations = (await page.getAnnotations({ intent: 'display' })) as AnnotationData[];
  const words: Word[] = [];
  for (const annotation of annotations) {
    if (annotation.hidden || !annotation.rect || annotation.rect.length !== 4) continue;
    const text = annotationText(annotation);
    if (text) words.push(...layOut(text, annotation.rect, viewport));
  }
  return words;
}

function annotationText(annotation: AnnotationData): string | undefined {
  if (annotation.subtype === 'FreeText') return annotation.contentsObj?.str;
  if (annotation.subtype !== 'Widget') return undefined;
  const value = annotation.fieldValue;
  if (annotation.fieldType === 'Btn') {
    const isChecked = annotation.checkBox
      ? value === annotation.exportValue
      : annotation.radioButton && value === annotation.buttonValue;
    return isChecked ? CHECKED_BOX_TEXT : undefined;
  }
  if (annotation.fieldType === 'Tx' || annotation.fieldType === 'Ch') {
    if (Array.isArray(value)) return value.join(' ');
    return typeof value === 'string' ? value : undefined;
  }
  return undefined;
}

/** Spreads lines over the box top to bottom and characters evenly along each line. */
function layOut(text: string, rect: number[], viewport: PageViewport): Word[] {
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = rect;
  const lines = text.split(/\r\n|\r|\n/).filter((line) => line.trim() !== '');
  const rowHeight = (y1 - y0) / Math.max(1, lines.length);
  const words: Word[] = [];
  lines.forEach((line, row) => {
    const top = y1 - row * rowHeight;
    const perCharacter = (x1 - x0) / Math.max(1, line.length);
    let index = 0;
    for (const token of line.split(/(\s+)/)) {
      if (token.trim() !== '') {
        const left = x0 + index * perCharacter;
        const right = left + token.length * perCharacter;
        words.push({ text: token, bbox: toBbox(left, top - rowHeight, right, top, viewport), confidence: 1 });
      }
      index += token.length;
    }
  });
  return words;
}

function toBbox(left: number, bottom: number, right: number, top: number, viewport: PageViewport): Bbox {
  const [ax, ay] = viewport.convertToViewportPoint(left, bottom) as [number, number];
  const [bx, by] = viewport.convertToViewportPoint(right, top) as [number, number];
  const clamp = (value: number) => Math.min(1, Math.max(0, value));
  return [
    clamp(Math.min(ax, bx) / viewport.width),
    clamp(Math.min(ay, by) / viewport.height),
    clamp(Math.max(ax, bx) / viewport.width),
    clamp(Math.max(ay, by) / viewport.height),
  ];
}
