/** Synthetic bank statements with known values: three column layouts, several pages when long. */
import { PDFDocument, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import {
  type BankStatementFixture,
  type BankStatementLayout,
  bankStatementExpected,
  type DateStyle,
  drawBankStatement,
  type StatementTransaction,
} from './bank-statement-fixture.ts';
import type { SynthGenerator } from './synth-document.ts';
import { MONTH_NAMES } from './synth-values.ts';

const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));
const FONTS = {
  Helvetica: [StandardFonts.Helvetica, StandardFonts.HelveticaBold],
  Times: [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold],
  Courier: [StandardFonts.Courier, StandardFonts.CourierBold],
} as const;
const SIZE = 9;
const ROW = 13;
const BOTTOM = 70;

function formatDate(iso: string, style: DateStyle): string {
  const [y, m, d] = iso.split('-') as [string, string, string];
  const mon = MONTHS[Number(m) - 1]!;
  const formats: Record<DateStyle, string> = {
    'MM/DD': `${m}/${d}`,
    'MM/DD/YYYY': `${m}/${d}/${y}`,
    'DD/MM/YYYY': `${d}/${m}/${y}`,
    'DD Mon YYYY': `${d} ${mon} ${y}`,
    'DD Mon': `${d} ${mon}`,
    'YYYY-MM-DD': iso,
    'DD.MM.YYYY': `${d}.${m}.${y}`,
    'Mon DD, YYYY': `${mon} ${d}, ${y}`,
    'DD-Mon-YYYY': `${d}-${mon}-${y}`,
  };
  return formats[style];
}

/** The statement period: the table's date style with its year, or written out ("March 1, 2025"). */
function formatPeriodDate(iso: string, fixture: BankStatementFixture): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (fixture.isPeriodLong) {
    const month = MONTH_NAMES[m - 1]!;
    return fixture.layout === 'us-retail' ? `${month} ${d}, ${y}` : `${d} ${month} ${y}`;
  }
  const withYear: Partial<Record<DateStyle, DateStyle>> = { 'MM/DD': 'MM/DD/YYYY', 'DD Mon': 'DD Mon YYYY' };
  return formatDate(iso, withYear[fixture.dateStyle] ?? fixture.dateStyle);
}

function formatMoney(cents: number, fixture: BankStatementFixture, withSymbol = false): string {
  const [whole, fraction] = (Math.abs(cents) / 100).toFixed(2).split('.') as [string, string];
  const [group, decimal] = fixture.decimalComma ? ['.', ','] : [',', '.'];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${withSymbol ? fixture.currencySymbol : ''}${grouped}${decimal}${fraction}`;
}

function formatSigned(cents: number, fixture: BankStatementFixture): string {
  const abs = formatMoney(cents, fixture);
  if (fixture.signStyle === 'crdr') return `${abs} ${cents < 0 ? 'DR' : 'CR'}`;
  if (cents >= 0) return abs;
  if (fixture.signStyle === 'trailing') return `${abs}-`;
  if (fixture.signStyle === 'parens') return `(${abs})`;
  return `-${abs}`;
}

type Column = { key: string; label: string; x: number; isRight: boolean };

/** Draws text on the current page and starts new ones; page numbers are added once the count is known. */
class StatementWriter {
  page: PDFPage;
  y: number;
  constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
    readonly bold: PDFFont,
    readonly size: [number, number],
  ) {
    this.page = pdf.addPage(size);
    this.y = size[1] - 50;
  }
  text(value: string, x: number, y: number, size = SIZE, isBold = false) {
    this.page.drawText(value, { x, y, size, font: isBold ? this.bold : this.font });
  }
  right(value: string, xRight: number, y: number, size = SIZE, isBold = false) {
    const width = (isBold ? this.bold : this.font).widthOfTextAtSize(value, size);
    this.text(value, xRight - width, y, size, isBold);
  }
  cell(column: Column, value: string, y: number, isBold = false) {
    if (column.isRight) this.right(value, column.x, y, SIZE, isBold);
    else this.text(value, column.x, y, SIZE, isBold);
  }
  newPage() {
    this.page = this.pdf.addPage(this.size);
    this.y = this.size[1] - 50;
  }
}

function columnsOf(fixture: BankStatementFixture, width: number): Column[] {
  const right = width - 40;
  const balance = { key: 'balance', label: 'Balance', x: right, isRight: true };
  const lead = [
    { key: 'date', label: 'Date', x: 40, isRight: false },
    { key: 'description', label: fixture.labels.description, x: 115, isRight: false },
  ];
  const tail = fixture.hasBalanceColumn ? [balance] : [];
  const moneyRight = fixture.hasBalanceColumn ? right - 100 : right;
  if (fixture.layout === 'signed-amount') {
    return [...lead, { key: 'amount', label: 'Amount', x: moneyRight, isRight: true }, ...tail];
  }
  const debit = { key: 'debit', label: fixture.labels.debit, x: 0, isRight: true };
  const credit = { key: 'credit', label: fixture.labels.credit, x: 0, isRight: true };
  const pair = fixture.isDebitFirst ? [debit, credit] : [credit, debit];
  pair[0]!.x = moneyRight - 100;
  pair[1]!.x = moneyRight;
  return [...lead, ...pair, ...tail];
}

function drawHeaderBlock(w: StatementWriter, fixture: BankStatementFixture, width: number) {
  const top = w.size[1] - 50;
  w.text(fixture.bank, 40, top, 18, true);
  w.text(fixture.bankAddress, 40, top - 14, 8);
  w.right(fixture.layout === 'us-retail' ? 'Account Statement' : 'Statement', width - 40, top, 13, true);
  let y = top - 60;
  const holderLines = fixture.isHolderLabelled
    ? fixture.holderAddress
    : [fixture.holder, ...fixture.holderAddress];
  for (const line of holderLines) {
    w.text(line, 40, y, 10);
    y -= 13;
  }
  const info: [string, string][] = [];
  if (fixture.isHolderLabelled) info.push(['Account holder:', fixture.holder]);
  if (fixture.sortCode) info.push(['Sort code', fixture.sortCode]);
  info.push([fixture.accountLabel, fixture.accountPrinted]);
  info.forEach(([label, value], i) => {
    w.text(label, 300, top - 60 - i * 14);
    w.text(value, 385, top - 60 - i * 14);
  });
  const start = formatPeriodDate(fixture.periodStart, fixture);
  const end = formatPeriodDate(fixture.periodEnd, fixture);
  const joiner = fixture.layout === 'us-retail' ? (fixture.isPeriodLong ? 'through' : '-') : 'to';
  w.text(`Statement period: ${start} ${joiner} ${end}`, 40, top - 34, 10);
  w.y = Math.min(y, top - 60 - info.length * 14) - 20;
}

function drawSummary(w: StatementWriter, fixture: BankStatementFixture, width: number) {
  const money = (cents: number) => formatMoney(cents, fixture, true);
  const credits = fixture.transactions.filter((t) => t.cents > 0).reduce((s, t) => s + t.cents, 0);
  const debits = fixture.transactions.filter((t) => t.cents < 0).reduce((s, t) => s - t.cents, 0);
  const closing = fixture.openingCents + credits - debits;
  w.text('Account Summary', 40, w.y, 11, true);
  const rows: [string, string][] = [
    [fixture.labels.opening, money(fixture.openingCents)],
    [fixture.layout === 'uk-running-balance' ? 'Money in' : 'Total deposits', money(credits)],
    [fixture.layout === 'uk-running-balance' ? 'Money out' : 'Total withdrawals', money(debits)],
    [fixture.labels.closing, money(closing)],
  ];
  for (const [label, value] of rows) {
    w.y -= 14;
    w.text(label, 40, w.y, 10);
    w.right(value, Math.min(330, width - 40), w.y, 10);
  }
  w.y -= 30;
}

function drawTableHeader(w: StatementWriter, columns: Column[]) {
  for (const column of columns) w.cell(column, column.label, w.y, true);
  w.y -= ROW + 2;
}

/** The printed cells of one transaction row. */
function rowCells(
  t: StatementTransaction,
  balance: number,
  isDateShown: boolean,
  fixture: BankStatementFixture,
): Record<string, string> {
  const cells: Record<string, string> = { description: t.description };
  if (isDateShown) cells.date = formatDate(t.date, fixture.dateStyle);
  if (fixture.layout === 'signed-amount') cells.amount = formatSigned(t.cents, fixture);
  else cells[t.cents < 0 ? 'debit' : 'credit'] = formatMoney(t.cents, fixture);
  if (fixture.hasBalanceColumn) cells.balance = formatMoney(balance, fixture);
  return cells;
}

/** Draws one statement. Long ones run onto more pages, each repeating the table header under "continued". */
export async function makeBankStatementPdf(fixture: BankStatementFixture): Promise<Uint8Array> {
  // Fixed metadata dates: the same seed gives the same bytes.
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(new Date(Date.UTC(2025, 0, 1)));
  pdf.setModificationDate(new Date(Date.UTC(2025, 0, 1)));
  const [regular, boldName] = FONTS[fixture.font];
  const size: [number, number] = fixture.layout === 'us-retail' ? [612, 792] : [595, 842];
  const width = size[0];
  const w = new StatementWriter(pdf, await pdf.embedFont(regular), await pdf.embedFont(boldName), size);
  const columns = columnsOf(fixture, width);
  const byKey = Object.fromEntries(columns.map((c) => [c.key, c]));
  const isUk = fixture.layout === 'uk-running-balance';
  const row = (cells: Record<string, string>, isBold = false) => {
    for (const [key, value] of Object.entries(cells)) if (byKey[key]) w.cell(byKey[key], value, w.y, isBold);
    w.y -= ROW;
  };
  drawHeaderBlock(w, fixture, width);
  if (fixture.hasSummary) drawSummary(w, fixture, width);
  w.text(isUk ? 'Your transactions' : 'Transaction Details', 40, w.y, 11, true);
  w.y -= 20;
  drawTableHeader(w, columns);
  let balance = fixture.openingCents;
  const broughtForward = (date: string) =>
    row({
      date: formatDate(date, fixture.dateStyle),
      description: 'Balance brought forward',
      balance: formatMoney(balance, fixture),
    });
  if (isUk) broughtForward(fixture.periodStart);
  else if (!fixture.hasSummary) {
    // Without a summary box the opening balance heads the table, in the column the closing one ends it.
    const column = fixture.hasBalanceColumn ? 'balance' : columns[columns.length - 1]!.key;
    row({ description: fixture.labels.opening, [column]: formatMoney(balance, fixture) });
  }
  let previousDate = '';
  for (const t of fixture.transactions) {
    const height = t.continuation ? 2 * ROW : ROW;
    if (w.y - height < BOTTOM + (isUk ? ROW : 0)) {
      if (isUk) row({ description: 'Balance carried forward', balance: formatMoney(balance, fixture) });
      w.text('Continued on next page', 40, BOTTOM - 10, 8);
      w.newPage();
      w.text(`${fixture.bank} - statement continued`, 40, w.y, 10, true);
      w.right(`${fixture.accountLabel} ${fixture.accountPrinted}`, width - 40, w.y, 9);
      w.y -= 30;
      drawTableHeader(w, columns);
      if (isUk) broughtForward(t.date);
      previousDate = '';
    }
    balance += t.cents;
    row(rowCells(t, balance, !fixture.isDatePrintedOnce || t.date !== previousDate, fixture));
    if (t.continuation) row({ description: t.continuation });
    previousDate = t.date;
  }
  const closing = formatMoney(balance, fixture);
  if (isUk) row({ description: 'Balance carried forward', balance: closing }, true);
  else if (fixture.hasBalanceColumn) row({ description: fixture.labels.closing, balance: closing }, true);
  else {
    w.y -= 6;
    w.text(fixture.labels.closing, byKey.description!.x, w.y, SIZE, true);
    w.right(formatMoney(balance, fixture, true), columns[columns.length - 1]!.x, w.y, SIZE, true);
  }
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const footer = `Page ${i + 1} of ${pages.length}`;
    page.drawText(footer, {
      x: width - 40 - w.font.widthOfTextAtSize(footer, 8),
      y: 30,
      size: 8,
      font: w.font,
    });
  });
  return pdf.save();
}

/** A generator for one layout and transaction count (tests), or any of them (the corpus). */
export function bankStatementGenerator(
  options: { layout?: BankStatementLayout; transactions?: number } = {},
): SynthGenerator {
  return async (rng) => {
    const fixture = drawBankStatement(rng, options);
    return {
      docType: 'bank_statement',
      layout: fixture.layout,
      pdf: await makeBankStatementPdf(fixture),
      expected: bankStatementExpected(fixture),
    };
  };
}

export const generateBankStatement: SynthGenerator = bankStatementGenerator();
