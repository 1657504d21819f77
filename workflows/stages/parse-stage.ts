import { AppError } from '../../tools/core/app-error.ts';
import type { ToolContext } from '../../tools/core/context.ts';
import { readDocument } from '../../tools/read/read-document.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import type { MediaType } from '../../tools/read/sniff-file.ts';
import { findDocument, transitionDocument } from '../../tools/storage/documents-table.ts';
import { replacePages, type StoredPage } from '../../tools/storage/pages-table.ts';

/**
 * Reads the document's pages (PDF text or OCR) into the database and hands it to `extract`.
 * Safe to run any number of times: the state decides what is left to do.
 */
export async function runParseStage(
  documentId: string,
  ctx: ToolContext,
  onProgress?: (done: number, total: number) => void,
) {
  const document = await findDocument(ctx.db, documentId);
  if (!document) throw new AppError('NOT_FOUND', `Document ${documentId} does not exist.`);
  if (document.status === 'extracting') return ctx.pipeline.enqueue('extract', documentId);
  if (document.status === 'received') {
    await ctx.db.transaction((tx) =>
      transitionDocument(tx, { id: documentId, from: ['received'], to: 'parsing', actor: ctx.actor }),
    );
  } else if (document.status !== 'parsing') {
    return; // already past this stage
  }

  const bytes = await ctx.blobs.get(document.sha256);
  const read = await readDocument(bytes, {
    mediaType: document.mediaType as MediaType,
    limits: readLimitsFromConfig(ctx.config),
    ocr: ctx.ocr,
    renderImages: true,
    onPage: onProgress,
    signal: ctx.signal,
  });
  const pages: StoredPage[] = [];
  for (const { image, ...page } of read.pages) {
    pages.push({ ...page, imageSha256: image ? await ctx.blobs.put(image) : null });
  }
  const moved = await ctx.db.transaction(async (tx) => {
    await replacePages(tx, documentId, pages);
    await tx.query('UPDATE documents SET page_count = $2, read_timings = $3 WHERE id = $1', [
      documentId,
      pages.length,
      JSON.stringify(read.timings),
    ]);
    return transitionDocument(tx, {
      id: documentId,
      from: ['parsing'],
      to: 'extracting',
      actor: ctx.actor,
      details: {
        pages: pages.length,
        ocrPages: pages.filter((p) => p.source === 'ocr').length,
        ...read.timings,
      },
    });
  });
  if (moved) await ctx.pipeline.enqueue('extract', documentId);
}
