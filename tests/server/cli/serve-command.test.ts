import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf } from '../../../evals/synth/make-invoice-pdf.ts';
import type { Config } from '../../../tools/core/config.ts';
import { makeTestConfig, removeTestData } from '../../support/test-server.ts';
import { cliEnvOf, runCli, startCli } from './run-cli.ts';

describe('the paperwork command', () => {
  let config: Config;
  let env: Record<string, string | undefined>;

  beforeAll(async () => {
    config = await makeTestConfig();
    env = cliEnvOf(config);
  });
  afterAll(() => removeTestData(config));

  it('serves, creates the admin token once with mode 0600, and exits cleanly on SIGTERM', async () => {
    const first = await startCli(['serve'], env, /serving at (http:\/\/\S+)/);
    const tokenFile = path.join(config.DATA_DIR, 'admin.token');
    const token = (await readFile(tokenFile, 'utf8')).trim();
    expect(first.output()).toContain(token);
    expect((await stat(tokenFile)).mode & 0o777).toBe(0o600);
    const health = await fetch(`${first.match[1]}/api/documents`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(health.status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startCli(['serve'], env, /serving at (http:\/\/\S+)/);
    expect(second.output()).not.toContain('admin token');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  });

  it('extracts files in process and prints JSON Lines, one per file, each with its file', async () => {
    const invoice = path.join(config.DATA_DIR, 'invoice.pdf');
    const empty = path.join(config.DATA_DIR, 'empty.pdf');
    await writeFile(invoice, await makeInvoicePdf());
    await writeFile(empty, '');
    const { code, stdout } = await runCli(['extract', '--json', invoice, empty], {
      ...env,
      REDIS_URL: 'redis://127.0.0.1:1',
    });
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: invoice,
      docType: 'invoice',
      fields: { invoice_number: { value: 'INV-2025-1042' } },
    });
    expect(lines[1]).toMatchObject({ file: empty, error: { code: 'EMPTY_FILE' } });
    expect(code).toBe(1);
  });

  it('refuses to run a separate worker on the embedded database, and says why', async () => {
    const { code, stderr } = await runCli(['worker'], { ...env, DATABASE_URL: '' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/needs DATABASE_URL/);
  });

  it('creates a token and verifies the audit log', async () => {
    const created = await runCli(['token', 'create', '--name', 'ci-clerk', '--role', 'clerk'], env);
    expect(created.code).toBe(0);
    expect(created.stdout.trim()).toMatch(/^pw_[\w-]{40,}$/);
    const refused = await runCli(['token', 'create', '--name', 'x', '--role', 'overlord'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/Unknown role/);
    const verified = await runCli(['audit', 'verify'], env);
    expect(verified.stdout).toMatch(/Audit log intact: \d+ entries/);
  });

  it('stops at start with every bad setting listed', async () => {
    const { code, stderr } = await runCli(['serve'], { ...env, PORT: 'eighty', CONFIDENCE_THRESHOLD: '2' });
    expect(code).toBe(1);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/CONFIDENCE_THRESHOLD/);
  });
});
