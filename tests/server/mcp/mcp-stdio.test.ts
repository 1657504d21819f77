import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeInvoicePdf } from '../../../evals/synth/make-invoice-pdf.ts';
import { unbalancedInvoice } from '../../support/invoice-fixtures.ts';
import { startTestServer, type TestServer } from '../../support/test-server.ts';
import { callError, callOk, expectToolList, runReviewCycle } from './mcp-flow.ts';

const CLI = path.resolve(import.meta.dirname, '../../../server/bin/paperwork.js');

describe('paperwork mcp over stdio, in front of a running server', () => {
  let server: TestServer;
  let dir: string;
  const children: Array<{ client: Client; stderr: string[]; errors: Error[] }> = [];

  beforeAll(async () => {
    server = await startTestServer();
    dir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-stdio-'));
  }, 180_000);
  afterAll(async () => {
    await Promise.all(children.map(({ client }) => client.close()));
    await server?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A real `paperwork mcp` child process with this token; every byte on its stdout must be protocol. */
  async function spawnMcp(token: string) {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [CLI, 'mcp'],
      env: {
        ...getDefaultEnvironment(),
        PAPERWORK_URL: server.url,
        PAPERWORK_TOKEN: token,
        LOG_LEVEL: 'info',
      },
      stderr: 'pipe',
    });
    const stderr: string[] = [];
    (transport.stderr as Readable).on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
    const client = new Client({ name: 'test', version: '1.0.0' });
    const errors: Error[] = [];
    // A stray line on stdout is a parse error here. The SDK client handles a progress note a microtask after
    // it reads it, so a note that arrives in the same chunk as its call's result is "for an unknown token":
    // the server sent it first, the client's bookkeeping lost it; that is not stdout noise.
    client.onerror = (error) => {
      if (!error.message.startsWith('Received a progress notification for an unknown token'))
        errors.push(error);
    };
    await client.connect(transport);
    const child = { client, stderr, errors };
    children.push(child);
    return child;
  }

  it('lists the tools and takes a file on this machine from submit to a decision through the server', async () => {
    const reviewer = await server.tokenFor('reviewer');
    const name = (
      (await (await server.api('GET', '/api/session', { token: reviewer })).json()) as {
        actor: { name: string };
      }
    ).actor.name;
    const { client, stderr, errors } = await spawnMcp(reviewer);
    await expectToolList(client);
    const file = path.join(dir, 'stdio-1001.pdf');
    await writeFile(file, await makeInvoicePdf(unbalancedInvoice('STDIO-1001')));
    // The path is read by the child, here: the server would refuse a reviewer a path of its own.
    await runReviewCycle(client, { path: file }, name);
    expect(errors.map((e) => e.message)).toEqual([]);
    expect(stderr.join('')).toContain('paperwork mcp: serving over stdio');
  });

  it('refuses resolve_review to a viewer token as a tool error', async () => {
    const { client, errors } = await spawnMcp(await server.tokenFor('viewer'));
    const refused = await callError(client, 'resolve_review', {
      id: '00000000-0000-4000-8000-000000000000',
      decision: 'approve',
    });
    expect(refused).toMatch(/^FORBIDDEN: resolve_review needs the reviewer role; this token has viewer/);
    expect(
      (await callOk<{ documents: unknown[] }>(client, 'search_documents', {})).documents.length,
    ).toBeGreaterThan(0);
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it('exits with a message on stderr, and nothing on stdout, without a token', async () => {
    const env = { ...getDefaultEnvironment(), PAPERWORK_URL: server.url };
    const run = promisify(execFile)(process.execPath, [CLI, 'mcp'], { env });
    const failure = (await run.catch((error: unknown) => error)) as {
      code: number;
      stdout: string;
      stderr: string;
    };
    expect(failure.code).toBe(1);
    expect(failure.stdout).toBe('');
    expect(failure.stderr).toMatch(/needs PAPERWORK_TOKEN/);
  });
});
