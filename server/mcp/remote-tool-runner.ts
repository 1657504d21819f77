import path from 'node:path';
import { AppError, ERROR_CODES, type ErrorCode } from '../../tools/core/app-error.ts';
import type { Tool } from '../../tools/core/tool.ts';
import type { DocumentView } from '../../tools/documents/document-view.ts';
import { type FileSourceInput, readFileAtPath } from '../../tools/ops/file-source.ts';
import {
  toWaitResult,
  WaitForDocumentInputSchema,
  waitUntilDone,
} from '../../tools/ops/wait-for-document.ts';
import type { ToolCall, ToolRunner } from './tool-runner.ts';

const FILE_TOOLS = new Set(['submit_document', 'extract_document']);

export type RemoteServer = { url: string; token: string; maxUploadBytes: number };

/**
 * Runs tools on a Paperwork server through `POST /api/tools/:name`, as the token's owner: the server checks
 * the role and writes the audit log. A file named by path is read here, on the caller's machine, and sent as
 * base64; wait_for_document polls get_document from here, so progress reaches the caller as it happens.
 */
export function remoteToolRunner(remote: RemoteServer): ToolRunner {
  const post = async (name: string, input: unknown, signal?: AbortSignal): Promise<unknown> => {
    let response: globalThis.Response;
    try {
      response = await fetch(new URL(`/api/tools/${name}`, remote.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${remote.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        signal,
      });
    } catch (cause) {
      throw new AppError('UPSTREAM_UNAVAILABLE', `Paperwork at ${remote.url} does not answer.`, { cause });
    }
    const body = (await response.json().catch(() => undefined)) as
      | { error?: { code?: string; message?: string } }
      | undefined;
    if (response.ok && body) return body;
    const code = body?.error?.code;
    throw new AppError(
      code && code in ERROR_CODES ? (code as ErrorCode) : 'UPSTREAM_UNAVAILABLE',
      body?.error?.message ?? `Paperwork at ${remote.url} answered ${response.status}.`,
      { kind: response.status >= 500 ? 'upstream' : 'user' },
    );
  };

  const withLocalFile = async (input: FileSourceInput): Promise<FileSourceInput> => {
    if (input.path === undefined) return input;
    const { path: filePath, ...rest } = input;
    const file = await readFileAtPath(path.resolve(filePath), remote.maxUploadBytes);
    return {
      ...rest,
      filename: input.filename ?? file.filename,
      contentBase64: Buffer.from(file.content).toString('base64'),
    };
  };

  const waitRemotely = async (input: unknown, call: ToolCall) => {
    const { id, timeoutSeconds } = WaitForDocumentInputSchema.parse(input);
    const wait = await waitUntilDone(
      () => post('get_document', { id }, call.signal) as Promise<DocumentView>,
      {
        timeoutSeconds,
        pollMs: 500,
        signal: call.signal,
        onProgress: call.onProgress,
      },
    );
    return toWaitResult(wait.last, wait);
  };

  return async (tool: Tool, input: unknown, call: ToolCall) => {
    if (tool.name === 'wait_for_document') return waitRemotely(input, call);
    const sent = FILE_TOOLS.has(tool.name) ? await withLocalFile(input as FileSourceInput) : input;
    return post(tool.name, sent, call.signal);
  };
}
