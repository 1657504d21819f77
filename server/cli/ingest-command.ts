import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Config } from '../../tools/core/config.ts';
import { type DocumentStatus, isSettled } from '../../tools/documents/document-status.ts';
import { createProgressBar } from './progress-bar.ts';

const DOCUMENT_EXTENSIONS = /\.(pdf|png|jpe?g|tiff?)$/i;

type Submitted = { file: string; id?: string; status: DocumentStatus | 'rejected'; detail?: string };

export type IngestOptions = {
  /** Send the documents' Claude part through the Message Batches API (half price, up to 24 hours). */
  bulk?: boolean;
};

/** Where the command writes: results to `out`, the progress bar to `err`. Tests pass their own. */
export type IngestOutput = { out: Pick<NodeJS.WriteStream, 'write'>; err: NodeJS.WriteStream };

/**
 * `paperwork ingest`: uploads files to a running server and follows them until each settles. Following has
 * no time limit (a bulk document can wait hours for its batch); Ctrl-C stops following, not the work: the
 * documents finish on the server either way.
 */
export async function ingestCommand(
  paths: string[],
  config: Config,
  options: IngestOptions = {},
  output: IngestOutput = { out: process.stdout, err: process.stderr },
) {
  if (!config.PAPERWORK_TOKEN)
    throw new Error('Set PAPERWORK_TOKEN to a clerk (or higher) token; see `paperwork token create`.');
  const files = (await Promise.all(paths.map(expandPath))).flat();
  if (files.length === 0) throw new Error('No PDF or image files found in the given paths.');
  const api = createApiClient(config.PAPERWORK_URL, config.PAPERWORK_TOKEN);
  const bar = createProgressBar(files.length, output.err);
  const submitted: Submitted[] = [];
  for (const file of files) {
    const form = new FormData();
    if (options.bulk) form.append('bulk', 'true');
    form.append('file', new Blob([await readFile(file)]), path.basename(file));
    const body = (await api('POST', '/api/documents', form)) as {
      documents?: Array<{ id: string; status: DocumentStatus }>;
      error?: { code: string; message: string };
    };
    const document = body.documents?.[0];
    submitted.push(
      document ? { file, ...document } : { file, status: 'rejected', detail: body.error?.message },
    );
    bar.update(0, `uploaded ${submitted.length}/${files.length}`);
  }
  const stopFollowing = () => {
    bar.done();
    output.err.write(
      'Stopped following. Nothing is lost: the documents go on on the server (bulk ones finish when their batch ends); see them with GET /api/documents.\n',
    );
    process.exit(130);
  };
  process.once('SIGINT', stopFollowing);
  try {
    await follow(submitted, api, bar, files.length);
  } finally {
    process.off('SIGINT', stopFollowing);
  }
  bar.done();
  for (const item of submitted) {
    output.out.write(
      `${item.status.padEnd(14)} ${item.id ?? '-'.padEnd(36)} ${item.file}${item.detail ? `  (${item.detail})` : ''}\n`,
    );
  }
  if (submitted.some((s) => s.status === 'rejected' || s.status === 'failed')) process.exitCode = 1;
}

/** Polls each unsettled document until all have settled; those waiting on a Message Batch are counted apart. */
async function follow(
  submitted: Submitted[],
  api: ReturnType<typeof createApiClient>,
  bar: ReturnType<typeof createProgressBar>,
  total: number,
) {
  for (;;) {
    let waitingForBatch = 0;
    for (const item of submitted) {
      if (!item.id || isSettled(item.status as DocumentStatus)) continue;
      const view = (await api('GET', `/api/documents/${item.id}`)) as {
        status: DocumentStatus;
        error?: { message: string };
        batch?: { state: string };
      };
      item.status = view.status;
      item.detail = view.error?.message;
      if (view.batch) waitingForBatch += 1;
    }
    const settled = submitted.filter(
      (s) => s.status === 'rejected' || isSettled(s.status as DocumentStatus),
    ).length;
    const waiting = waitingForBatch > 0 ? `, ${waitingForBatch} waiting for batch (Ctrl-C is safe)` : '';
    bar.update(settled, `${settled}/${total} settled${waiting}`);
    if (settled === total) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function expandPath(target: string): Promise<string[]> {
  const info = await stat(target);
  if (!info.isDirectory()) return [target];
  const entries = await readdir(target, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile() && DOCUMENT_EXTENSIONS.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function createApiClient(baseUrl: string, token: string) {
  return async (method: string, route: string, body?: FormData): Promise<unknown> => {
    const response = await fetch(new URL(route, baseUrl), {
      method,
      body,
      headers: { authorization: `Bearer ${token}` },
    });
    const json = await response.json().catch(() => ({}));
    if (response.status === 401 || response.status === 403) {
      throw new Error(
        `The server refused the token: ${(json as { error?: { message?: string } }).error?.message ?? response.status}`,
      );
    }
    if (response.status >= 500)
      throw new Error(`The server failed (${response.status}) on ${method} ${route}.`);
    return json;
  };
}
