import { z } from 'zod';
import { defineTool } from '../core/tool.ts';
import { listAudit, verifyAudit } from '../storage/audit-log.ts';

const AuditEntrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string().describe('What happened, e.g. document.approved, review.corrected, export.failed.'),
  documentId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});

export const getAuditTrail = defineTool({
  name: 'get_audit_trail',
  description: "A document's history (or the whole log): who did what, when, in order.",
  input: z.object({ documentId: z.uuid().optional().describe('Only this document’s entries.') }),
  output: z.object({ entries: z.array(AuditEntrySchema) }),
  role: 'reviewer',
  isReadOnly: true,
  isDestructive: false,
  async run({ documentId }, ctx) {
    const entries = await listAudit(ctx.db, { documentId });
    return { entries: entries.map(({ prevHash: _p, hash: _h, ...entry }) => entry) };
  },
});

export const verifyAuditTrail = defineTool({
  name: 'verify_audit',
  description:
    'Check the hash chain of the whole audit log; names the first entry that was edited, removed or reordered.',
  input: z.object({}),
  output: z.object({
    ok: z.boolean(),
    entries: z.number(),
    brokenAt: z.number().optional().describe('The first entry that does not verify.'),
    reason: z.string().optional(),
  }),
  role: 'approver',
  isReadOnly: true,
  isDestructive: false,
  run: (_input, ctx) => verifyAudit(ctx.db),
});
