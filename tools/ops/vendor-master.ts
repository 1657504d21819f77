import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { hasRole } from '../core/roles.ts';
import { defineTool } from '../core/tool.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { listVendors, upsertVendors } from '../storage/vendors-table.ts';
import { maskIdentifier } from '../validate/mask-identifier.ts';
import { parseVendorCsv } from '../vendors/parse-vendor-csv.ts';

const VendorSchema = z.object({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  taxId: z.string().optional(),
  bankAccount: z.string().optional().describe('Masked to the last 4 for roles below approver.'),
  bankRouting: z.string().optional(),
});

export const listVendorMaster = defineTool({
  name: 'list_vendors',
  description:
    'The vendor master: names, aliases, tax ids and remit-to bank details that invoices are checked against.',
  input: z.object({}),
  output: z.object({ vendors: z.array(VendorSchema) }),
  role: 'viewer',
  isReadOnly: true,
  isDestructive: false,
  async run(_input, ctx) {
    const vendors = await listVendors(ctx.db);
    // Tax ids and bank details are for the people who approve payments.
    const reveal = hasRole(ctx.actor.role, 'approver');
    return {
      vendors: vendors.map((vendor) =>
        reveal
          ? vendor
          : {
              ...vendor,
              ...(vendor.taxId && { taxId: maskIdentifier(vendor.taxId) }),
              ...(vendor.bankAccount && { bankAccount: maskIdentifier(vendor.bankAccount) }),
              ...(vendor.bankRouting && { bankRouting: maskIdentifier(vendor.bankRouting) }),
            },
      ),
    };
  },
});

export const importVendors = defineTool({
  name: 'import_vendors',
  description:
    'Add or update vendors from CSV text (header: name, aliases separated by |, tax_id, bank_account, bank_routing). Matched by normalized name; bad lines are listed and nothing is imported until the file is clean.',
  input: z.object({ csv: z.string().min(1).max(5_000_000).describe('The CSV file’s text.') }),
  output: z.object({ inserted: z.number(), updated: z.number() }),
  role: 'admin',
  isReadOnly: false,
  isDestructive: true,
  async run({ csv }, ctx) {
    const { vendors, errors } = parseVendorCsv(csv);
    // All or nothing: half an import of a master file is harder to reason about than none.
    if (errors.length > 0) {
      const lines = errors.slice(0, 20).map((e) => `line ${e.line}: ${e.message}`);
      throw new AppError(
        'VALIDATION_FAILED',
        `The vendor file has ${errors.length} bad line(s): ${lines.join('; ')}`,
      );
    }
    if (vendors.length === 0) throw new AppError('VALIDATION_FAILED', 'The vendor file has no vendors.');
    return ctx.db.transaction(async (tx) => {
      const { inserted, updated } = await upsertVendors(tx, vendors);
      await appendAudit(tx, { actor: ctx.actor, action: 'vendors.imported', details: { inserted, updated } });
      return { inserted, updated };
    });
  },
});
