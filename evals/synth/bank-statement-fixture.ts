import type { Rng } from './synth-document.ts';

/** How a statement lays out its money columns; each is how a family of real banks prints them. */
export const BANK_STATEMENT_LAYOUTS = ['us-retail', 'uk-running-balance', 'signed-amount'] as const;
export type BankStatementLayout = (typeof BANK_STATEMENT_LAYOUTS)[number];

export type StatementTransaction = {
  /** ISO date. */
  date: string;
  description: string;
  /** A second description line (a reference), printed under the first. */
  continuation?: string;
  /** Signed: negative for money out. */
  cents: number;
};

/** Every choice a statement is drawn with, so the PDF and its expected values come from one place. */
export type BankStatementFixture = {
  layout: BankStatementLayout;
  font: 'Helvetica' | 'Times' | 'Courier';
  bank: string;
  bankAddress: string;
  holder: string;
  holderAddress: string[];
  /** Printed as "Account holder: …" rather than as the first line of the address block. */
  isHolderLabelled: boolean;
  accountNumber: string;
  /** The account as printed: full, masked ("XXXXXX1234", "****1234") or inside an IBAN. */
  accountPrinted: string;
  accountLabel: string;
  sortCode?: string;
  periodStart: string;
  periodEnd: string;
  currencySymbol: string;
  decimalComma: boolean;
  /** How the table prints dates ("MM/DD", "DD Mon YYYY", …); the period uses a full form of it. */
  dateStyle: DateStyle;
  isPeriodLong: boolean;
  /** The date printed only on a day's first transaction, as many UK banks do. */
  isDatePrintedOnce: boolean;
  hasBalanceColumn: boolean;
  hasSummary: boolean;
  /** Withdrawals left of deposits (or the reverse). */
  isDebitFirst: boolean;
  signStyle: 'crdr' | 'minus' | 'trailing' | 'parens';
  labels: { debit: string; credit: string; opening: string; closing: string; description: string };
  openingCents: number;
  transactions: StatementTransaction[];
};

export type DateStyle =
  | 'MM/DD'
  | 'MM/DD/YYYY'
  | 'DD/MM/YYYY'
  | 'DD Mon YYYY'
  | 'DD Mon'
  | 'YYYY-MM-DD'
  | 'DD.MM.YYYY'
  | 'Mon DD, YYYY'
  | 'DD-Mon-YYYY';

const US_BANKS = [
  'First Harbor Bank',
  'Crestview Credit Union',
  'Prairie State Bank',
  'Liberty National Bank',
];
const UK_BANKS = ['Caledonia Bank plc', 'Thames & Severn Building Society', 'Northgate Bank', 'Albion Bank'];
const EU_BANKS = ['Banca Lombarda', 'Rhein Sparkasse', 'Liffey Bank Ireland', 'Banque du Lac'];
const SIGNED_BANKS = [
  'Maple Ridge Savings Bank',
  'Southern Cross Bank',
  'Meridian Trust Company',
  'Kestrel Bank',
];
const US_HOLDERS = [
  'JOHN A SMITH',
  'Maria Gonzalez',
  'ACME WIDGETS LLC',
  'Robert T Nguyen',
  'Pinecrest Dental PC',
];
const UK_HOLDERS = [
  'Mr James Hughes',
  'Ms Sarah ONeill',
  'Hughes Plumbing Ltd',
  'Dr Priya Patel',
  'Mrs Ann Clarke',
];
const EU_HOLDERS = ['Lukas Schneider', 'Sofia Rossi', 'Atelier Moreau SARL', 'Aoife Byrne', 'Jan de Vries'];
const US_ADDRESSES = [
  ['1420 Oak Street', 'Springfield, IL 62704'],
  ['88 Harbor Way Apt 4B', 'Portland, OR 97205'],
  ['2301 Elm Avenue', 'Austin, TX 78701'],
];
const UK_ADDRESSES = [
  ['14 Kings Road', 'Bristol', 'BS1 4DJ'],
  ['Flat 2, 7 Mill Lane', 'Leeds', 'LS2 9JT'],
];
const EU_ADDRESSES = [
  ['Hauptstrasse 12', '50667 Koeln'],
  ['Via Roma 45', '20121 Milano'],
  ['12 Rue de la Paix', '75002 Paris'],
];
const DEBITS = [
  'POS PURCHASE GROCERY MART',
  'ACH DEBIT CITY WATER UTIL',
  'ATM WITHDRAWAL MAIN ST',
  'CARD PAYMENT TO TESCO STORES',
  'DIRECT DEBIT BRITISH GAS',
  'STANDING ORDER RENT',
  'DEBIT CARD COFFEE HOUSE',
  'ONLINE TRANSFER TO SAVINGS',
  'CHECK 1043',
  'MONTHLY SERVICE FEE',
  'SEPA DIRECT DEBIT VODAFONE',
  'CONTACTLESS PRET A MANGER',
  'BILL PAYMENT COUNCIL TAX',
  'INSURANCE PREMIUM',
];
const CREDITS = [
  'PAYROLL DEPOSIT ACME CORP',
  'MOBILE DEPOSIT',
  'FASTER PAYMENT FROM J LEE',
  'SALARY NORTHWIND LTD',
  'INTEREST PAID',
  'REFUND ONLINE STORE',
  'SEPA CREDIT TRANSFER',
];

const MONTH_DAYS = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A statement cycle: a calendar month, or a month starting mid-month (which can cross a year end). */
function drawPeriod(rng: Rng): { start: Date; end: Date } {
  const year = rng.int(2022, 2025);
  const month = rng.int(1, 12);
  const startDay = rng.chance(0.5) ? 1 : rng.int(2, 28);
  const start = new Date(Date.UTC(year, month - 1, startDay));
  const end =
    startDay === 1
      ? new Date(Date.UTC(year, month - 1, MONTH_DAYS(year, month)))
      : new Date(Date.UTC(year, month, startDay - 1));
  return { start, end };
}

function drawTransactions(rng: Rng, count: number, start: Date, end: Date, openingCents: number) {
  const days = Math.round((end.getTime() - start.getTime()) / 86_400_000);
  const offsets = Array.from({ length: count }, () => rng.int(0, days)).sort((a, b) => a - b);
  let balance = openingCents;
  return offsets.map((offset): StatementTransaction => {
    let isCredit = rng.chance(0.25);
    let cents = isCredit ? rng.int(5_000, 350_000) : rng.int(150, rng.chance(0.2) ? 180_000 : 25_000);
    // Keep the account in credit: a debit that would overdraw it becomes a deposit.
    if (!isCredit && balance - cents < 0) isCredit = true;
    if (isCredit) cents = Math.max(cents, 5_000);
    balance += isCredit ? cents : -cents;
    const date = isoDate(new Date(start.getTime() + offset * 86_400_000));
    const description = rng.pick(isCredit ? CREDITS : DEBITS);
    const continuation = rng.chance(0.1) ? `REF ${rng.int(100_000, 999_999)}` : undefined;
    return { date, description, cents: isCredit ? cents : -cents, ...(continuation && { continuation }) };
  });
}

function drawAccount(rng: Rng): { number: string; masked: string } {
  const length = rng.int(8, 12);
  const number = Array.from({ length }, (_, i) => (i === 0 ? rng.int(1, 9) : rng.int(0, 9))).join('');
  const last4 = number.slice(-4);
  const masked = rng.pick([
    number,
    `XXXXXX${last4}`,
    `****${last4}`,
    `${'X'.repeat(length - 4)}${last4}`,
    `xxxx-xxxx-${last4}`,
  ]);
  return { number, masked };
}

/** Draws one statement of the given layout (or a random one) with 5–60 transactions unless told. */
export function drawBankStatement(
  rng: Rng,
  options: { layout?: BankStatementLayout; transactions?: number } = {},
): BankStatementFixture {
  const layout = options.layout ?? rng.pick(BANK_STATEMENT_LAYOUTS);
  const count = options.transactions ?? rng.int(5, 60);
  const { start, end } = drawPeriod(rng);
  const openingCents = rng.int(20_000, 2_500_000);
  const transactions = drawTransactions(rng, count, start, end, openingCents);
  const account = drawAccount(rng);
  const font = rng.pick(['Helvetica', 'Times', 'Courier'] as const);
  const common = {
    layout,
    font,
    accountNumber: account.number,
    periodStart: isoDate(start),
    periodEnd: isoDate(end),
    isHolderLabelled: rng.chance(0.5),
    isPeriodLong: rng.chance(0.4),
    hasSummary: rng.chance(0.7),
    isDebitFirst: rng.chance(0.5),
    openingCents,
    transactions,
  };
  if (layout === 'us-retail') {
    return {
      ...common,
      bank: rng.pick(US_BANKS),
      bankAddress: 'P.O. Box 1800, Charlotte, NC 28201',
      holder: rng.pick(US_HOLDERS),
      holderAddress: rng.pick(US_ADDRESSES),
      accountPrinted: account.masked,
      accountLabel: rng.pick(['Account Number:', 'Account #', 'Acct No.']),
      currencySymbol: '$',
      decimalComma: false,
      dateStyle: rng.chance(0.8) ? 'MM/DD' : 'MM/DD/YYYY',
      isDatePrintedOnce: false,
      hasBalanceColumn: rng.chance(0.6),
      hasSummary: true,
      signStyle: 'minus',
      labels: {
        debit: rng.pick(['Withdrawals', 'Debits', 'Withdrawals/Debits']),
        credit: rng.pick(['Deposits', 'Credits', 'Deposits/Credits']),
        opening: rng.pick(['Beginning Balance', 'Opening Balance', 'Previous Balance']),
        closing: rng.pick(['Ending Balance', 'Closing Balance', 'New Balance']),
        description: rng.pick(['Description', 'Transaction Description', 'Details']),
      },
    };
  }
  if (layout === 'uk-running-balance') {
    const isEuro = rng.chance(0.4);
    const sortCode = `${rng.int(10, 99)}-${rng.int(10, 99)}-${rng.int(10, 99)}`;
    const iban = `IE${rng.int(10, 99)} LIFF ${rng.int(1000, 9999)} ${rng.int(10, 99)}${account.number.slice(-8, -6)} ${account.number.slice(-6, -2)} ${account.number.slice(-2)}`;
    return {
      ...common,
      bank: rng.pick(isEuro ? EU_BANKS : UK_BANKS),
      bankAddress: isEuro ? 'Postfach 10 20 30, 60311 Frankfurt' : '1 Queen Street, Edinburgh EH2 1JX',
      holder: rng.pick(isEuro ? EU_HOLDERS : UK_HOLDERS),
      holderAddress: rng.pick(isEuro ? EU_ADDRESSES : UK_ADDRESSES),
      accountPrinted: isEuro ? iban : account.number.slice(-8),
      accountLabel: isEuro ? 'IBAN' : 'Account number',
      ...(!isEuro && { sortCode }),
      currencySymbol: isEuro ? '€' : '£',
      decimalComma: isEuro && rng.chance(0.5),
      dateStyle: rng.pick(['DD/MM/YYYY', 'DD Mon YYYY', 'DD Mon'] as const),
      isDatePrintedOnce: rng.chance(0.5),
      hasBalanceColumn: true,
      signStyle: 'minus',
      labels: {
        debit: rng.pick(['Paid out', 'Money out', 'Withdrawn', 'Debit']),
        credit: rng.pick(['Paid in', 'Money in', 'Credit']),
        opening: rng.pick(['Opening balance', 'Balance brought forward']),
        closing: rng.pick(['Closing balance', 'Balance carried forward']),
        description: rng.pick(['Description', 'Details', 'Payment type and details']),
      },
    };
  }
  return {
    ...common,
    bank: rng.pick(SIGNED_BANKS),
    bankAddress: '200 Collins Street, Melbourne VIC 3000',
    holder: rng.pick([...US_HOLDERS, ...EU_HOLDERS]),
    holderAddress: rng.pick(US_ADDRESSES),
    accountPrinted: account.masked,
    accountLabel: rng.pick(['Account No.', 'Account number', 'Account']),
    currencySymbol: rng.pick(['$', '€', 'A$']),
    decimalComma: false,
    dateStyle: rng.pick(['YYYY-MM-DD', 'DD.MM.YYYY', 'Mon DD, YYYY', 'DD-Mon-YYYY'] as const),
    isDatePrintedOnce: false,
    hasBalanceColumn: rng.chance(0.5),
    signStyle: rng.pick(['crdr', 'minus', 'trailing', 'parens'] as const),
    labels: {
      debit: '',
      credit: '',
      opening: rng.pick(['Opening Balance', 'Opening balance', 'Balance at start']),
      closing: rng.pick(['Closing Balance', 'Closing balance', 'Balance at end']),
      description: rng.pick(['Description', 'Transaction details', 'Narrative']),
    },
  };
}

/** The values a perfect extractor returns for the statement, in the schema's formats. */
export function bankStatementExpected(fixture: BankStatementFixture): Record<string, unknown> {
  const closing = fixture.transactions.reduce((sum, t) => sum + t.cents, fixture.openingCents);
  const money = (cents: number) => `${cents < 0 ? '-' : ''}${(Math.abs(cents) / 100).toFixed(2)}`;
  return {
    bank_name: fixture.bank,
    account_holder: fixture.holder,
    account_number_last4: fixture.accountNumber.slice(-4),
    period_start: fixture.periodStart,
    period_end: fixture.periodEnd,
    opening_balance: money(fixture.openingCents),
    closing_balance: money(closing),
    transactions: fixture.transactions.map((t) => ({
      date: t.date,
      description: t.continuation ? `${t.description} ${t.continuation}` : t.description,
      amount: money(t.cents),
    })),
  };
}
