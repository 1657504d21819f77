import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../../evals/synth/make-invoice-pdf.ts';
import {
  makeTestConfig,
  removeTestData,
  startTestServer,
  type TestServer,
  uploadForm,
} from '../../support/test-server.ts';
import { cliEnvOf, runCli } from '../cli/run-cli.ts';

const MASTER = [
  'name,aliases,tax_id,bank_account,bank_routing',
  '"Fabrikam Supplies, LLC",Fabrikam|Fabrikam Inc,12-3456789,000123456789,021000021',
  'Litware Inc,,98-7654321,,',
].join('\n');

type Vendor = { name: string; aliases: string[]; taxId?: string; bankAccount?: string };

describe('the vendor master', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('imports over the API, updates on a second import, and refuses a file with bad lines', async () => {
    const first = await server.api('POST', '/api/vendors/import', { body: { csv: MASTER } });
    expect(await first.json()).toEqual({ inserted: 2, updated: 0 });
    const second = await server.api('POST', '/api/vendors/import', { body: { csv: MASTER } });
    expect(await second.json()).toEqual({ inserted: 0, updated: 2 });

    const bad = await server.api('POST', '/api/vendors/import', {
      body: { csv: 'name,tax_id\n,12-3456789\n' },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toMatch(/line 2/);
  });

  it('shows bank details and tax ids only to approvers', async () => {
    const asViewer = (await (
      await server.api('GET', '/api/vendors', { token: await server.tokenFor('viewer') })
    ).json()) as {
      vendors: Vendor[];
    };
    const fabrikam = asViewer.vendors.find((v) => v.name === 'Fabrikam Supplies, LLC');
    expect(fabrikam?.aliases).toEqual(['Fabrikam', 'Fabrikam Inc']);
    expect(fabrikam?.bankAccount).not.toContain('000123456789');
    expect(fabrikam?.bankAccount).toMatch(/6789$/);
    const asApprover = (await (
      await server.api('GET', '/api/vendors', { token: await server.tokenFor('approver') })
    ).json()) as { vendors: Vendor[] };
    expect(asApprover.vendors.find((v) => v.name === 'Fabrikam Supplies, LLC')?.bankAccount).toBe(
      '000123456789',
    );
  });

  it('flags an invoice from a vendor the master does not know', async () => {
    const form = uploadForm([{ name: 'northwind.pdf', content: await makeInvoicePdf(SAMPLE_INVOICE) }]);
    const { documents } = (await (await server.api('POST', '/api/documents', { body: form })).json()) as {
      documents: Array<{ id: string }>;
    };
    const view = (await server.waitForSettled(documents[0]!.id)) as {
      status: string;
      validation?: Array<{ rule: string; severity: string }>;
      review?: { reasons: string[] };
    };
    expect(view.validation).toContainEqual(
      expect.objectContaining({ rule: 'unknown_vendor', severity: 'warning' }),
    );
    expect(view.status).toBe('needs_review');
    expect(view.review?.reasons.some((reason) => reason.startsWith('unknown_vendor:'))).toBe(true);
  });

  it('flags remit-to bank details that differ from the master, a classic fraud signal', async () => {
    const fixture = {
      ...SAMPLE_INVOICE,
      vendor: 'Fabrikam Supplies, LLC',
      invoiceNumber: 'FAB-77',
      bank: {
        lines: [
          { label: 'Account No', value: '999888777666' },
          { label: 'Routing No', value: '021000021' },
        ],
      },
    };
    const form = uploadForm([{ name: 'fabrikam-77.pdf', content: await makeInvoicePdf(fixture) }]);
    const { documents } = (await (await server.api('POST', '/api/documents', { body: form })).json()) as {
      documents: Array<{ id: string }>;
    };
    const view = (await server.waitForSettled(documents[0]!.id)) as {
      validation?: Array<{ rule: string; severity: string; message: string }>;
    };
    const finding = view.validation?.find((f) => f.rule === 'vendor_bank_mismatch');
    expect(finding?.severity).toBe('error');
    // The full account number never appears in a message.
    expect(finding?.message).not.toContain('999888777666');
    expect(view.validation?.map((f) => f.rule)).not.toContain('unknown_vendor');
  });
});

describe('paperwork vendors import', () => {
  it('imports a CSV file into the database and says what it did', async () => {
    const config = await makeTestConfig();
    try {
      const file = path.join(config.DATA_DIR, 'vendors.csv');
      await writeFile(file, MASTER);
      const env = cliEnvOf(config);
      const first = await runCli(['vendors', 'import', file], env);
      expect(first.stdout).toContain('Vendors: 2 added, 0 updated.');
      const again = await runCli(['vendors', 'import', file], env);
      expect(again.stdout).toContain('Vendors: 0 added, 2 updated.');
      const missing = await runCli(['vendors', 'import', path.join(config.DATA_DIR, 'nope.csv')], env);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/nope\.csv/);
    } finally {
      await removeTestData(config);
    }
  });
});
