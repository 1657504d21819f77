import { type CsvError, parseCsvRecords } from './parse-csv-records.ts';
import { vendorKey } from './vendor-key.ts';

/** A vendor master row as imported, before it is stored and given an id. */
export type VendorInput = {
  name: string;
  aliases: string[];
  taxId?: string;
  bankAccount?: string;
  bankRouting?: string;
};

const COLUMNS = ['name', 'aliases', 'tax_id', 'bank_account', 'bank_routing'] as const;
type Column = (typeof COLUMNS)[number];

function isColumn(name: string): name is Column {
  return (COLUMNS as readonly string[]).includes(name);
}

function optional(text: string | undefined, compact = false): string | undefined {
  const value = compact ? text?.replace(/\s+/g, '') : text?.trim();
  return value ? value : undefined;
}

/**
 * Reads a vendor master CSV (see README.md): a header row naming the columns (`name` required; `aliases`
 * separated by "|", `tax_id`, `bank_account`, `bank_routing` optional, in any order), then one vendor a row.
 * A bad row is reported with its line and left out; the good rows are still returned. Names and aliases
 * must be unique by `vendorKey` across the file, since the master is looked up by that key.
 */
export function parseVendorCsv(text: string): { vendors: VendorInput[]; errors: CsvError[] } {
  const { records, errors } = parseCsvRecords(text);
  const vendors: VendorInput[] = [];
  const [header, ...rows] = records;
  if (!header) {
    errors.unshift({ line: 1, message: 'the file is empty: a header row with at least "name" is required' });
    return { vendors, errors };
  }
  const columns = header.fields.map((f) => f.trim().toLowerCase());
  const index = new Map<Column, number>();
  columns.forEach((column, i) => {
    if (!isColumn(column)) {
      errors.push({
        line: header.line,
        message: `unknown column "${column}" is ignored; columns are ${COLUMNS.join(', ')}`,
      });
    } else if (index.has(column)) {
      errors.push({ line: header.line, message: `column "${column}" appears twice; the first one is used` });
    } else index.set(column, i);
  });
  const nameAt = index.get('name');
  if (nameAt === undefined) {
    errors.push({ line: header.line, message: 'the header row has no "name" column' });
    return { vendors, errors: errors.sort((a, b) => a.line - b.line) };
  }
  const keyOwner = new Map<string, number>();
  for (const { line, fields } of rows) {
    if (fields.length !== columns.length) {
      errors.push({
        line,
        message: `expected ${columns.length} fields as in the header, found ${fields.length}`,
      });
      continue;
    }
    const cell = (column: Column) => {
      const at = index.get(column);
      return at === undefined ? undefined : fields[at];
    };
    const name = fields[nameAt]!.trim();
    if (name === '' || vendorKey(name) === '') {
      errors.push({ line, message: 'the name is empty' });
      continue;
    }
    const aliases = [
      ...new Set(
        (cell('aliases') ?? '')
          .split('|')
          .map((a) => a.trim())
          .filter(Boolean),
      ),
    ];
    const keys = [...new Set([name, ...aliases].map(vendorKey).filter(Boolean))];
    const clash = [name, ...aliases].find((text) => keyOwner.has(vendorKey(text)));
    if (clash !== undefined) {
      const other = keyOwner.get(vendorKey(clash));
      errors.push({
        line,
        message: `"${clash}" is the same name as one on line ${other}; merge the two rows`,
      });
      continue;
    }
    for (const key of keys) keyOwner.set(key, line);
    const vendor: VendorInput = { name, aliases: aliases.filter((a) => a !== name) };
    const taxId = optional(cell('tax_id'));
    const bankAccount = optional(cell('bank_account'), true);
    const bankRouting = optional(cell('bank_routing'), true);
    if (taxId) vendor.taxId = taxId;
    if (bankAccount) vendor.bankAccount = bankAccount;
    if (bankRouting) vendor.bankRouting = bankRouting;
    vendors.push(vendor);
  }
  return { vendors, errors: errors.sort((a, b) => a.line - b.line) };
}
