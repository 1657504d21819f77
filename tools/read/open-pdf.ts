import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { AppError } from '../core/app-error.ts';

export type { PDFDocumentProxy };

/** pdfjs's data folders inside its npm package: fonts, CMaps and decoders are read from disk, never fetched. */
function resolvePdfjsDataDirs(): {
  standardFontDataUrl: string;
  cMapUrl: string;
  wasmUrl: string;
  iccUrl: string;
} {
  const require = createRequire(import.meta.url);
  const root = path.dirname(require.resolve('pdfjs-dist/package.json'));
  // pdfjs joins these with file names, so each must end with a separator.
  const dir = (name: string) => path.join(root, name) + path.sep;
  return {
    standardFontDataUrl: dir('standard_fonts'),
    cMapUrl: dir('cmaps'),
    wasmUrl: dir('wasm'),
    iccUrl: dir('iccs'),
  };
}

/**
 * Opens a PDF for reading. Untrusted input: no font code is evaluated, embedded images larger than
 * `maxImagePixels` are not decoded, and pdfjs warnings stay off stdout (the MCP stdio channel).
 * The caller must `destroy()` the document.
 */
export async function openPdf(
  bytes: Uint8Array,
  options: { maxImagePixels: number },
): Promise<PDFDocumentProxy> {
  const task = getDocument({
    // pdfjs may transfer (detach) the buffer it is given; the caller keeps its own.
    data: new Uint8Array(bytes),
    ...resolvePdfjsDataDirs(),
    isEvalSupported: false,
    useSystemFonts: false,
    maxImageSize: options.maxImagePixels,
    verbosity: VerbosityLevel.ERRORS,
  });
  try {
    return await task.promise;
  } catch (error) {
    await task.destroy().catch(() => {});
    throw toPdfError(error);
  }
}

/**
 * pdfjs errors cross its worker boundary by name. Password and structure errors are the file's
 * fault (kind user); anything else is ours and stays a system error.
 */
export function toPdfError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') {
    return new AppError(
      'ENCRYPTED_PDF',
      'This PDF is protected with a password, so it cannot be read. Save or print it as a PDF without a password and upload it again.',
      { cause: error },
    );
  }
  if (['InvalidPDFException', 'FormatError', 'UnknownErrorException', 'MissingPDFException'].includes(name)) {
    return corruptPdfError(error);
  }
  return new AppError(
    'INTERNAL',
    `Reading the PDF failed: ${error instanceof Error ? error.message : String(error)}`,
    {
      kind: 'system',
      cause: error,
    },
  );
}

export function corruptPdfError(cause: unknown): AppError {
  return new AppError(
    'CORRUPT_FILE',
    'This PDF is damaged or incomplete (it may have been cut off during download or scanning), so it cannot be read. Download or export it again and re-upload it.',
    { cause },
  );
}
