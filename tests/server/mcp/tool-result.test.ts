import { describe, expect, it } from 'vitest';
import { toCallToolResult, toToolError } from '../../../server/mcp/tool-result.ts';
import { AppError } from '../../../tools/core/app-error.ts';
import { findTool } from '../../../tools/ops/registry.ts';

const ID = '5f0c2f55-3a43-4b8e-9f55-0f1e2d3c4b5a';

describe('tool results over MCP', () => {
  it('carries the output as structured content with a text mirror and links to the document', () => {
    const result = toCallToolResult(findTool('get_document')!, { id: ID, status: 'needs_review' });
    expect(result.structuredContent).toEqual({ id: ID, status: 'needs_review' });
    expect(result.content[0]).toEqual({
      type: 'text',
      text: JSON.stringify({ id: ID, status: 'needs_review' }),
    });
    expect(result.content.slice(1).map((c) => (c.type === 'resource_link' ? c.uri : c.type))).toEqual([
      `paperwork://documents/${ID}`,
      `paperwork://documents/${ID}/text`,
    ]);
  });

  it('cuts a long text mirror and points at the structured content', () => {
    const result = toCallToolResult(findTool('search_documents')!, {
      documents: [{ file: 'x'.repeat(20_000) }],
    });
    const text = result.content[0]?.type === 'text' ? result.content[0].text : '';
    expect(text.length).toBeLessThan(8_200);
    expect(text).toMatch(/cut at 8000 of \d+ characters; the structured content has it all\)$/);
    expect(result.content).toHaveLength(1);
  });

  it('turns an AppError into a tool error with its code, and hides our own faults', () => {
    expect(toToolError(new AppError('FORBIDDEN', 'resolve_review needs the reviewer role.'))).toEqual({
      content: [{ type: 'text', text: 'FORBIDDEN: resolve_review needs the reviewer role.' }],
      isError: true,
    });
    expect(toToolError(new Error('connection string postgres://secret@db'))).toEqual({
      content: [{ type: 'text', text: 'INTERNAL: Something went wrong on the server.' }],
      isError: true,
    });
  });
});
