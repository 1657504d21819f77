import sharp from 'sharp';
import { degradeScan, drawScanDefects } from './degrade-scan.ts';
import { renderPdfPagesToPng } from './rasterize-pdf.ts';
import type { Rng } from './synth-document.ts';
import { createSynthPdf } from './synth-pdf.ts';

export type ScannedFile = { bytes: Uint8Array; extension: 'jpg' | 'png' | 'pdf'; dpi: number };

/**
 * "Scans" a born-digital PDF: every page rasterized and degraded (askew, blurred, grainy, JPEG-compressed),
 * with no text layer left, so the reader must OCR it. One page becomes a JPEG or a PNG, as phones and
 * scanners save them; several become a PDF of page images, as a sheet-fed scanner does.
 */
export async function scanDocument(pdf: Uint8Array, rng: Rng): Promise<ScannedFile> {
  const dpi = rng.pick([200, 250, 300]);
  const pages = await renderPdfPagesToPng(pdf, dpi);
  const scans: Uint8Array[] = [];
  for (const page of pages) scans.push(await degradeScan(page, { ...drawScanDefects(rng), rng }));
  if (scans.length === 1) {
    const jpeg = scans[0]!;
    if (rng.chance(0.7)) return { bytes: jpeg, extension: 'jpg', dpi };
    return { bytes: new Uint8Array(await sharp(jpeg).png().toBuffer()), extension: 'png', dpi };
  }
  const out = await createSynthPdf();
  for (const scan of scans) {
    const image = await out.embedJpg(scan);
    const width = (image.width * 72) / dpi;
    const height = (image.height * 72) / dpi;
    out.addPage([width, height]).drawImage(image, { x: 0, y: 0, width, height });
  }
  return { bytes: await out.save(), extension: 'pdf', dpi };
}
