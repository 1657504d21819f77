import type { Page, Word } from '../documents/page.ts';
import type { Queryable } from './db.ts';

export type StoredPage = Page & { imageSha256: string | null };

/** Replaces a document's pages in one go, so a retried parse never leaves a mix of two reads. */
export async function replacePages(
  tx: Queryable,
  documentId: string,
  pages: readonly StoredPage[],
): Promise<void> {
  await tx.query('DELETE FROM pages WHERE document_id = $1', [documentId]);
  for (const page of pages) {
    await tx.query(
      `INSERT INTO pages (document_id, number, width, height, source, words, image_sha256)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        documentId,
        page.number,
        page.width,
        page.height,
        page.source,
        JSON.stringify(page.words),
        page.imageSha256,
      ],
    );
  }
}

type PageRow = {
  number: number;
  width: number;
  height: number;
  source: Page['source'];
  words: Word[] | string;
  image_sha256: string | null;
};

export async function listPages(db: Queryable, documentId: string): Promise<StoredPage[]> {
  const { rows } = await db.query<PageRow>(
    'SELECT number, width, height, source, words, image_sha256 FROM pages WHERE document_id = $1 ORDER BY number',
    [documentId],
  );
  return rows.map((row) => ({
    number: row.number,
    width: row.width,
    height: row.height,
    source: row.source,
    words: typeof row.words === 'string' ? JSON.parse(row.words) : row.words,
    imageSha256: row.image_sha256,
  }));
}

/** Page sizes without their words: what a viewer needs to lay out the page images. */
export async function listPageSizes(
  db: Queryable,
  documentId: string,
): Promise<Array<{ number: number; width: number; height: number; hasImage: boolean }>> {
  const { rows } = await db.query<{ number: number; width: number; height: number; has_image: boolean }>(
    `SELECT number, width, height, image_sha256 IS NOT NULL AS has_image FROM pages
     WHERE document_id = $1 ORDER BY number`,
    [documentId],
  );
  return rows.map((row) => ({
    number: row.number,
    width: row.width,
    height: row.height,
    hasImage: row.has_image,
  }));
}
