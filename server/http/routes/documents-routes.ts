import { Router } from 'express';
import multer from 'multer';
import { AppError, toAppError } from '../../../tools/core/app-error.ts';
import type { ToolContext } from '../../../tools/core/context.ts';
import { invokeTool } from '../../../tools/core/tool.ts';
import { getDocument } from '../../../tools/ops/get-document.ts';
import { searchDocuments } from '../../../tools/ops/search-documents.ts';
import { submitDocument } from '../../../tools/ops/submit-document.ts';
import { requireDocument } from '../../../tools/storage/documents-table.ts';
import { listPages } from '../../../tools/storage/pages-table.ts';
import { callerContext, requireRole } from '../authenticate.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function documentsRoutes(ctx: ToolContext): Router {
  const router = Router();
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: ctx.config.MAX_UPLOAD_BYTES, files: ctx.config.MAX_FILES_PER_UPLOAD, fields: 10 },
  });

  // The role is checked before multer reads the body, so an unauthorized client cannot make us buffer files.
  router.post('/api/documents', requireRole('clerk'), upload.any(), async (req, res) => {
    const files = (req.files as Express.Multer.File[] | undefined) ?? [];
    if (files.length === 0)
      throw new AppError('BAD_REQUEST', 'Attach one or more files as multipart/form-data.');
    const docType = typeof req.body?.docType === 'string' && req.body.docType ? req.body.docType : undefined;
    const bulk = bulkFieldOf(req.body?.bulk);
    const documents = [];
    const refused: Array<{ file: string; error: AppError }> = [];
    // One bad file does not sink the others: each is accepted or refused on its own.
    for (const file of files) {
      try {
        const content = new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength);
        documents.push(
          await invokeTool(
            submitDocument,
            { filename: file.originalname, content, docType, bulk },
            callerContext(ctx, req),
          ),
        );
      } catch (caught) {
        const error = toAppError(caught);
        if (error.kind !== 'user') throw error;
        refused.push({ file: file.originalname, error });
      }
    }
    const rejected = refused.map(({ file, error }) => ({
      file,
      error: { code: error.code, message: error.message },
    }));
    const first = refused[0];
    // When nothing was accepted, the answer is the first refusal's own status.
    if (documents.length === 0 && first) {
      res.status(first.error.httpStatus).json({ error: rejected[0]!.error, rejected });
      return;
    }
    res.status(202).json({ documents, rejected });
  });

  router.get('/api/documents', async (req, res) => {
    // The UI's `q` is the tool's `text`.
    res.json(await invokeTool(searchDocuments, { ...req.query, text: req.query.q }, callerContext(ctx, req)));
  });

  router.get('/api/documents/:id', async (req, res) => {
    res.json(await invokeTool(getDocument, { id: req.params.id }, callerContext(ctx, req)));
  });

  router.get('/api/documents/:id/file', requireRole('viewer'), async (req, res) => {
    const document = await findDocumentOr404(ctx, String(req.params.id));
    res.set({
      'Content-Type': document.mediaType,
      'Content-Disposition': `attachment; filename="${document.filename.replace(/[^\w.\- ]/g, '_')}"`,
    });
    res.send(await ctx.blobs.get(document.sha256));
  });

  router.get('/api/documents/:id/pages/:page', requireRole('viewer'), async (req, res) => {
    const number = /^(\d{1,4})\.png$/.exec(String(req.params.page))?.[1];
    if (!number) throw new AppError('NOT_FOUND', 'Pages are addressed as /pages/<n>.png.');
    const document = await findDocumentOr404(ctx, String(req.params.id));
    const page = (await listPages(ctx.db, document.id)).find((p) => p.number === Number(number));
    if (!page?.imageSha256)
      throw new AppError('NOT_FOUND', `Document ${document.id} has no image for page ${number}.`);
    res.set({ 'Content-Type': 'image/png', 'Cache-Control': 'private, max-age=86400' });
    res.send(await ctx.blobs.get(page.imageSha256));
  });

  return router;
}

/** The multipart `bulk` field: `true`/`1`/`on` or `false`/`0`/absent; anything else is a clear 400. */
function bulkFieldOf(value: unknown): boolean {
  if (value === undefined || value === '' || value === 'false' || value === '0') return false;
  if (value === 'true' || value === '1' || value === 'on') return true;
  throw new AppError('BAD_REQUEST', 'bulk: send true or false.');
}

async function findDocumentOr404(ctx: ToolContext, id: string) {
  if (!UUID.test(id)) throw new AppError('NOT_FOUND', `No document with id ${id}.`);
  return requireDocument(ctx.db, id);
}
