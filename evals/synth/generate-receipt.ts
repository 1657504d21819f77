import { drawTerminalReceipt, type TerminalReceipt } from './draw-receipt-terminal.ts';
import { makeReceiptPdf, type ReceiptFixture, receiptTotals } from './make-receipt-pdf.ts';
import type { Rng, SynthDocument, SynthGenerator } from './synth-document.ts';
import { stabilizePdf } from './synth-pdf.ts';
import { contractMoney, includedTaxOf, isoDate, printDate, randomDate, shop, taxOf } from './synth-values.ts';

const CURRENCIES = {
  us: { code: 'USD', symbol: '$' },
  uk: { code: 'GBP', symbol: '£' },
  eu: { code: 'EUR', symbol: '€' },
};

const VAT_RATES: Record<string, number> = { uk: 20, DE: 19, NL: 21, BE: 21, AT: 20 };

export const RECEIPT_LAYOUTS = ['till-slip', 'card-terminal', 'card-terminal-vat'] as const;

const MY_SHOPS = [
  'KEDAI RUNCIT MAJU JAYA',
  'SYARIKAT PERNIAGAAN SRI MUTIARA',
  'RESTORAN NASI KANDAR BESTARI',
];
const MY_SUFFIXES = ['', ' SDN BHD', ' ENTERPRISE'];
const MY_STREETS = ['JALAN MERANTI 3', 'JALAN TUN RAZAK', 'JALAN BUKIT BINTANG', 'TAMAN SRI GADING'];
const MY_TOWNS = ['81100 JOHOR BAHRU, JOHOR', '50450 KUALA LUMPUR', '47301 PETALING JAYA, SELANGOR'];
const GROCERIES = [
  'MILO 1KG',
  'ROTI GARDENIA',
  'TELUR GRED A 10S',
  'BERAS 5KG',
  'MINYAK MASAK 2KG',
  'GULA 1KG',
  'TEH BOH 250G',
  'SABUN DOBI',
];
const SHOP_ITEMS = [
  'Coffee beans 1kg',
  'Sandwich',
  'Sparkling water',
  'Notebook A5',
  'USB-C cable',
  'Batteries AA x4',
  'Orange juice',
  'Croissant',
  'Lunch special',
  'Parking ticket',
];

/** A Malaysian till slip, the layout of the existing fixture (make-receipt-pdf.ts) with GST on top. */
async function tillSlip(rng: Rng): Promise<SynthDocument> {
  const date = randomDate(rng, [2016, 2018]);
  const items = Array.from({ length: rng.int(1, 9) }, () => ({
    description: rng.pick(GROCERIES),
    amount: rng.int(50, 9000) / 100,
  }));
  const fixture: ReceiptFixture = {
    merchant: `${rng.pick(MY_SHOPS)}${rng.pick(MY_SUFFIXES)}`,
    addressLines: [`NO ${rng.int(1, 200)}, ${rng.pick(MY_STREETS)}`, rng.pick(MY_TOWNS)],
    date: printDate(date, 'day-first'),
    time: `${String(rng.int(8, 21)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
    items,
    taxRate: 0.06,
    currencyLabel: 'RM',
    cash: 0,
  };
  const total = Number(receiptTotals(fixture).total);
  fixture.cash = rng.pick([
    Math.ceil(total),
    Math.ceil(total / 10) * 10,
    Math.ceil(total / 50) * 50,
    100 * Math.ceil(total / 100),
  ]);
  const totals = receiptTotals(fixture);
  return {
    docType: 'receipt',
    layout: 'till-slip',
    pdf: await stabilizePdf(await makeReceiptPdf(fixture)),
    expected: {
      merchant_name: fixture.merchant,
      merchant_address: fixture.addressLines.join(' '),
      date: isoDate(date),
      currency: 'MYR',
      tax_amount: contractMoney(Math.round(Number(totals.tax) * 100)),
      total_amount: contractMoney(Math.round(Number(totals.total) * 100)),
    },
  };
}

/** A card-terminal slip: US sales tax on top, or European VAT included in the prices. */
async function cardTerminal(rng: Rng, isVat: boolean): Promise<SynthDocument> {
  const items = Array.from({ length: rng.int(1, 7) }, () => ({
    description: rng.pick(SHOP_ITEMS),
    cents: rng.int(99, 4999),
  }));
  const itemsCents = items.reduce((sum, item) => sum + item.cents, 0);
  const region = isVat ? rng.pick(['uk', 'DE', 'NL', 'BE', 'AT'] as const) : 'us';
  const currency = CURRENCIES[region === 'us' || region === 'uk' ? region : 'eu'];
  const ratePercent = VAT_RATES[region] ?? rng.pick([6, 7, 8.25, 8.875]);
  const taxCents = isVat ? includedTaxOf(itemsCents, ratePercent) : taxOf(itemsCents, ratePercent);
  const receipt: TerminalReceipt = {
    merchant: shop(rng, region),
    date: randomDate(rng),
    dateStyle: isVat ? rng.pick(['day-first', 'dotted'] as const) : rng.pick(['us', 'iso'] as const),
    time: `${String(rng.int(7, 22)).padStart(2, '0')}:${String(rng.int(0, 59)).padStart(2, '0')}`,
    items,
    currencySymbol: currency.symbol,
    tax: { label: isVat ? 'VAT' : 'Sales Tax', ratePercent, cents: taxCents, isIncluded: isVat },
    totalCents: isVat ? itemsCents : itemsCents + taxCents,
    card: {
      brand: rng.pick(['VISA', 'MASTERCARD', 'AMEX']),
      last4: String(rng.int(0, 9999)).padStart(4, '0'),
      authCode: String(rng.int(100000, 999999)),
    },
  };
  const family = rng.pick(['helvetica', 'courier'] as const);
  return {
    docType: 'receipt',
    layout: isVat ? 'card-terminal-vat' : 'card-terminal',
    pdf: await drawTerminalReceipt(receipt, family),
    expected: {
      merchant_name: receipt.merchant.name,
      merchant_address: receipt.merchant.addressLines.join(' '),
      date: isoDate(receipt.date),
      currency: currency.code,
      tax_amount: contractMoney(taxCents),
      total_amount: contractMoney(receipt.totalCents),
    },
  };
}

/** Receipts: Malaysian till slips with GST, US card-terminal slips with sales tax, European ones with VAT. */
export const generateReceipt: SynthGenerator = async (rng) => {
  const layout = rng.pick(RECEIPT_LAYOUTS);
  if (layout === 'till-slip') return tillSlip(rng);
  return cardTerminal(rng, layout === 'card-terminal-vat');
};
