import { randomUUID } from 'node:crypto';
import type { Vendor } from '../validate/rule.ts';
import { vendorKey } from '../vendors/match-vendor.ts';
import type { VendorInput } from '../vendors/parse-vendor-csv.ts';
import type { Queryable } from './db.ts';

type VendorRow = {
  id: string;
  name: string;
  aliases: string[];
  tax_id: string | null;
  bank_account: string | null;
  bank_routing: string | null;
};

const toVendor = (row: VendorRow): Vendor => ({
  id: row.id,
  name: row.name,
  aliases: row.aliases,
  ...(row.tax_id && { taxId: row.tax_id }),
  ...(row.bank_account && { bankAccount: row.bank_account }),
  ...(row.bank_routing && { bankRouting: row.bank_routing }),
});

/**
 * Inserts or updates by normalized name, so importing the same file twice changes nothing and a
 * corrected file updates the vendors it names. Returns how many rows were inserted and updated.
 */
export async function upsertVendors(
  tx: Queryable,
  vendors: readonly VendorInput[],
): Promise<{ inserted: number; updated: number; vendors: Vendor[] }> {
  let inserted = 0;
  const saved: Vendor[] = [];
  for (const vendor of vendors) {
    const { rows } = await tx.query<VendorRow & { inserted: boolean }>(
      `INSERT INTO vendors (id, name, name_key, aliases, tax_id, bank_account, bank_routing)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (name_key) DO UPDATE SET name = EXCLUDED.name, aliases = EXCLUDED.aliases,
         tax_id = EXCLUDED.tax_id, bank_account = EXCLUDED.bank_account, bank_routing = EXCLUDED.bank_routing,
         updated_at = now()
       RETURNING *, (xmax = 0) AS inserted`,
      [
        randomUUID(),
        vendor.name,
        vendorKey(vendor.name),
        JSON.stringify(vendor.aliases),
        vendor.taxId ?? null,
        vendor.bankAccount ?? null,
        vendor.bankRouting ?? null,
      ],
    );
    const row = rows[0];
    if (!row) continue;
    if (row.inserted) inserted += 1;
    saved.push(toVendor(row));
  }
  return { inserted, updated: saved.length - inserted, vendors: saved };
}

export async function listVendors(db: Queryable): Promise<Vendor[]> {
  const { rows } = await db.query<VendorRow>('SELECT * FROM vendors ORDER BY name, id');
  return rows.map(toVendor);
}
