import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { runCli } from './run-cli.ts';

describe('paperwork ingest', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('uploads a folder, follows every document until it settles, and reports the refused ones', async () => {
    const dir = path.join(server.runtime.config.DATA_DIR, 'inbox');
    await mkdir(path.join(dir, 'march'), { recursive: true });
    await writeFile(
      path.join(dir, 'a.pdf'),
      await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-INGEST-1' }),
    );
    await writeFile(
      path.join(dir, 'march', 'b.pdf'),
      await makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: 'INV-INGEST-2' }),
    );
    await writeFile(path.join(dir, 'empty.pdf'), '');
    await writeFile(path.join(dir, 'notes.txt'), 'not a document');
    const clerk = await server.tokenFor('clerk');

    const { code, stdout, stderr } = await runCli(['ingest', dir], {
      PAPERWORK_URL: server.url,
      PAPERWORK_TOKEN: clerk,
    });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(3); // the .txt file is not a document and is not sent
    expect(lines.find((l) => l.includes('empty.pdf'))).toMatch(/^rejected .*\(The file "empty.pdf" is empty/);
    for (const file of ['a.pdf', 'b.pdf']) {
      expect(lines.find((l) => l.includes(file))).toMatch(/^(auto_approved|needs_review) +[0-9a-f-]{36} /);
    }
    expect(stderr).toMatch(/3\/3 settled/);
    expect(code).toBe(1);
  });

  it('says what to set when there is no token', async () => {
    const { code, stderr } = await runCli(['ingest', '.'], {
      PAPERWORK_URL: server.url,
      PAPERWORK_TOKEN: '',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/Set PAPERWORK_TOKEN/);
  });
});
