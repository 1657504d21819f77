#!/usr/bin/env node
// `npm run mcp:inspect`: lists the tools of `paperwork mcp` with the MCP Inspector CLI, best effort. npx picks
// the newest Inspector whose engines allow this Node (0.15 on Node 20; 0.16+ needs 22.7.5, 2.x 22.19). When it
// cannot run here (npm cannot fetch it offline, or it fails), this says why and lists the tools with the MCP
// SDK's own client over the same stdio server instead.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { getDefaultEnvironment, StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const CLI = path.join(import.meta.dirname, 'paperwork.js');
// tools/list is answered by the stdio server itself; only tool calls reach the server at PAPERWORK_URL.
const env = {
  PAPERWORK_URL: process.env.PAPERWORK_URL ?? 'http://127.0.0.1:3000',
  PAPERWORK_TOKEN: process.env.PAPERWORK_TOKEN ?? 'placeholder-token-for-tools-list',
};
const say = (line) => process.stderr.write(`mcp:inspect: ${line}\n`);

function runInspector() {
  const args = ['-y', '@modelcontextprotocol/inspector', '--cli'];
  for (const [key, value] of Object.entries(env)) args.push('-e', `${key}=${value}`);
  args.push(process.execPath, CLI, 'mcp', '--method', 'tools/list');
  const result = spawnSync('npx', args, { stdio: 'inherit', timeout: 300_000 });
  if (result.error) return `npx could not be started (${result.error.message})`;
  if (result.status !== 0) {
    return `the Inspector exited with ${result.status ?? result.signal} on Node ${process.versions.node} (npm cannot fetch it without the registry; its newest releases need Node 22.7.5 or newer)`;
  }
  return undefined;
}

async function listWithSdkClient() {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'mcp'],
    env: { ...getDefaultEnvironment(), ...env, LOG_LEVEL: 'warn' },
  });
  const client = new Client({ name: 'paperwork-mcp-inspect', version: '0.1.0' });
  await client.connect(transport);
  try {
    const { tools } = await client.listTools();
    for (const tool of tools) {
      const hints = tool.annotations?.readOnlyHint
        ? 'read-only'
        : tool.annotations?.destructiveHint
          ? 'destructive'
          : 'writes';
      const inputs = Object.keys(tool.inputSchema.properties ?? {}).join(', ');
      process.stdout.write(`${tool.name.padEnd(18)} ${hints.padEnd(11)} (${inputs})\n`);
    }
    const { resourceTemplates } = await client.listResourceTemplates();
    const { prompts } = await client.listPrompts();
    process.stdout.write(`resources: ${resourceTemplates.map((r) => r.uriTemplate).join(', ')}\n`);
    process.stdout.write(`prompts: ${prompts.map((p) => p.name).join(', ')}\n`);
  } finally {
    await client.close();
  }
}

if (!process.env.PAPERWORK_TOKEN) say('PAPERWORK_TOKEN is unset: a placeholder is enough to list the tools.');
const whyNot = runInspector();
if (whyNot) {
  say(`${whyNot}.`);
  say('listing the tools of `paperwork mcp` with the MCP SDK client over stdio instead:');
  await listWithSdkClient();
}
