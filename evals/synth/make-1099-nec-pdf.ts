/** Synthetic Forms 1099-NEC with known values: the IRS Copy B grid and a payroll system's recipient statement. */
import { type PDFFont, rgb, StandardFonts } from 'pdf-lib';
import {
  ENTITY_CLASSIFICATIONS,
  randomAddress,
  randomBusiness,
  randomEin,
  randomPerson,
  randomSsn,
} from './make-w9-pdf.ts';
import type { Rng, SynthDocument, SynthGenerator } from './synth-document.ts';
import { openLetterPage } from './synth-pdf.ts';

type Form1099NecValues = {
  tax_year: string;
  payer_name: string;
  payer_tin: string;
  recipient_name: string;
  recipient_tin: string;
  nonemployee_compensation: string;
  federal_tax_withheld?: string;
};

type Parties = {
  payerAddress: { street: string; cityStateZip: string };
  payerPhone: string;
  recipientAddress: { street: string; cityStateZip: string };
  /** State boxes 5-7, filled on some forms: amounts near box 4 that are not box 4. */
  state?: { code: string; id: string; withheld: string };
};

const grouped = (value: string) =>
  Number(value).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function drawValues(rng: Rng): { values: Form1099NecValues; parties: Parties } {
  const isPersonRecipient = rng.chance(0.7);
  const compensation = (rng.int(600, 180_000) + rng.pick([0, 0, rng.int(1, 99) / 100])).toFixed(2);
  const withheld = rng.chance(0.35)
    ? (Number(compensation) * rng.pick([0.24, 0.1, 0.05])).toFixed(2)
    : undefined;
  const payerClass = rng.pick(ENTITY_CLASSIFICATIONS);
  const recipientClass = rng.pick(ENTITY_CLASSIFICATIONS);
  const values: Form1099NecValues = {
    tax_year: String(rng.int(2023, 2026)),
    payer_name: randomBusiness(rng, payerClass),
    payer_tin: randomEin(rng),
    recipient_name: isPersonRecipient ? randomPerson(rng) : randomBusiness(rng, recipientClass),
    recipient_tin: isPersonRecipient ? randomSsn(rng) : randomEin(rng),
    nonemployee_compensation: compensation,
    ...(withheld ? { federal_tax_withheld: withheld } : {}),
  };
  const state = rng.chance(0.4)
    ? {
        code: rng.pick(['IL', 'OH', 'NC', 'CO']),
        id: String(rng.int(10_000_000, 99_999_999)),
        withheld: (Number(compensation) * 0.04).toFixed(2),
      }
    : undefined;
  return {
    values,
    parties: {
      payerAddress: randomAddress(rng),
      payerPhone: `(${rng.int(201, 989)}) 555-${String(rng.int(100, 9999)).padStart(4, '0')}`,
      recipientAddress: randomAddress(rng),
      ...(state ? { state } : {}),
    },
  };
}

async function openLetter() {
  const { pdf, page, fonts } = await openLetterPage({
    regular: StandardFonts.Helvetica,
    bold: StandardFonts.HelveticaBold,
    courier: StandardFonts.Courier,
    courierBold: StandardFonts.CourierBold,
  });
  const text = (value: string, x: number, y: number, size = 10, font: PDFFont = fonts.regular) =>
    page.drawText(value, { x, y, size, font });
  const right = (value: string, xRight: number, y: number, size = 10, font: PDFFont = fonts.regular) =>
    text(value, xRight - font.widthOfTextAtSize(value, size), y, size, font);
  const box = (x: number, y: number, width: number, height: number) =>
    page.drawRectangle({ x, y, width, height, borderColor: rgb(0, 0, 0), borderWidth: 0.6 });
  return { pdf, fonts, text, right, box };
}

/** Copy B as the IRS prints it: a grid of captioned boxes, the values typed under their captions. */
async function drawIrsLayout(values: Form1099NecValues, parties: Parties): Promise<Uint8Array> {
  const { pdf, fonts, text, right, box } = await openLetter();
  const small = (value: string, x: number, y: number, size = 6.5) => text(value, x, y, size);
  const revision = Number(values.tax_year) >= 2024 ? '(Rev. January 2024)' : '(Rev. January 2022)';
  // Left column: payer block, the two TINs, recipient name and address.
  box(36, 620, 260, 100);
  small("PAYER'S name, street address, city or town, state or province, country, ZIP", 40, 712);
  small('or foreign postal code, and telephone no.', 40, 704);
  text(values.payer_name, 44, 688, 10);
  text(parties.payerAddress.street, 44, 675, 10);
  text(parties.payerAddress.cityStateZip, 44, 662, 10);
  text(parties.payerPhone, 44, 649, 10);
  box(36, 585, 130, 35);
  box(166, 585, 130, 35);
  small("PAYER'S TIN", 40, 612);
  small("RECIPIENT'S TIN", 170, 612);
  text(values.payer_tin, 44, 594, 10);
  text(values.recipient_tin, 174, 594, 10);
  box(36, 550, 260, 35);
  small("RECIPIENT'S name", 40, 577);
  text(values.recipient_name, 44, 560, 10);
  box(36, 515, 260, 35);
  small('Street address (including apt. no.)', 40, 542);
  text(parties.recipientAddress.street, 44, 525, 10);
  box(36, 480, 260, 35);
  small('City or town, state or province, country, and ZIP or foreign postal code', 40, 507);
  text(parties.recipientAddress.cityStateZip, 44, 490, 10);
  box(36, 450, 260, 30);
  small('Account number (see instructions)', 40, 472);
  // Middle column: the form's name and year, then the numbered money boxes.
  small('OMB No. 1545-0116', 310, 712);
  text('Form 1099-NEC', 310, 690, 11, fonts.bold);
  small(revision, 310, 680);
  small('For calendar year', 310, 664, 7);
  text(values.tax_year, 310, 648, 12, fonts.bold);
  text('Nonemployee', 430, 700, 12, fonts.bold);
  text('Compensation', 430, 686, 12, fonts.bold);
  const moneyBox = (caption: string, y: number, amount?: string) => {
    box(296, y, 170, 35);
    small(caption, 300, y + 27);
    small('$', 300, y + 8, 8);
    if (amount) right(grouped(amount), 460, y + 8, 10);
  };
  moneyBox('1 Nonemployee compensation', 585, values.nonemployee_compensation);
  box(296, 550, 170, 35);
  small('2 Payer made direct sales totaling $5,000 or more of', 300, 577);
  small('consumer products to recipient for resale', 300, 570);
  box(452, 555, 8, 8);
  moneyBox('3 Excess golden parachute payments', 515);
  moneyBox('4 Federal income tax withheld', 480, values.federal_tax_withheld);
  box(296, 450, 60, 30);
  small('5 State tax withheld', 300, 472);
  box(356, 450, 60, 30);
  small("6 State/Payer's state no.", 360, 472);
  box(416, 450, 50, 30);
  small('7 State income', 420, 472);
  if (parties.state) {
    text(parties.state.withheld, 300, 456, 8);
    text(`${parties.state.code} ${parties.state.id}`, 360, 456, 7);
    text(grouped(values.nonemployee_compensation), 419, 456, 7);
  }
  // Right column: which copy this is.
  text('Copy B', 480, 640, 10, fonts.bold);
  small('For Recipient', 480, 630, 8);
  const notice = [
    'This is important tax',
    'information and is being',
    'furnished to the IRS. If you',
    'are required to file a return,',
    'a negligence penalty or other',
    'sanction may be imposed on',
    'you if this income is taxable',
    'and the IRS determines that it',
    'has not been reported.',
  ];
  for (const [i, line] of notice.entries()) small(line, 480, 612 - i * 8);
  small(`Form 1099-NEC ${revision.replace('Rev. January ', 'Rev. 1-')}`, 36, 436, 7);
  small('(keep for your records)', 200, 436, 7);
  small('www.irs.gov/Form1099NEC', 300, 436, 7);
  small('Department of the Treasury - Internal Revenue Service', 400, 436, 7);
  return pdf.save();
}

/** A payroll system's recipient statement: labels beside values in a monospace font, its own order. */
async function drawSubstituteLayout(
  values: Form1099NecValues,
  parties: Parties,
  rng: Rng,
): Promise<Uint8Array> {
  const { pdf, fonts, text, right } = await openLetter();
  const font = fonts.courier;
  const bold = fonts.courierBold;
  text(`${values.tax_year} Form 1099-NEC`, 50, 740, 14, bold);
  text('Nonemployee Compensation - Recipient Statement', 50, 722, 10, font);
  text(`Tax year: ${values.tax_year}`, 420, 740, 10, font);
  let y = 690;
  const row = (label: string, value: string) => {
    text(label, 50, y, 10, bold);
    text(value, 250, y, 10, font);
    y -= 16;
  };
  const payer = () => {
    row('Payer:', values.payer_name);
    row('', parties.payerAddress.street);
    row('', parties.payerAddress.cityStateZip);
    row(rng.pick(["Payer's federal ID:", 'Payer TIN:', 'Payer EIN:']), values.payer_tin);
    y -= 10;
  };
  const recipient = () => {
    row('Recipient:', values.recipient_name);
    row('', parties.recipientAddress.street);
    row('', parties.recipientAddress.cityStateZip);
    row(rng.pick(["Recipient's TIN:", 'Recipient TIN:', 'Recipient ID number:']), values.recipient_tin);
    y -= 10;
  };
  if (rng.chance(0.5)) {
    payer();
    recipient();
  } else {
    recipient();
    payer();
  }
  y -= 10;
  const amountRow = (label: string, amount: string) => {
    text(label, 50, y, 10, font);
    right(`$${grouped(amount)}`, 420, y, 10, font);
    y -= 16;
  };
  amountRow('Box 1  Nonemployee compensation', values.nonemployee_compensation);
  if (values.federal_tax_withheld)
    amountRow('Box 4  Federal income tax withheld', values.federal_tax_withheld);
  if (parties.state) amountRow(`Box 5  State tax withheld (${parties.state.code})`, parties.state.withheld);
  y -= 20;
  text('This is important tax information and is being furnished to the IRS.', 50, y, 8, font);
  text('Keep this statement for your records.', 50, y - 12, 8, font);
  return pdf.save();
}

const LAYOUTS = {
  irs: (values: Form1099NecValues, parties: Parties) => drawIrsLayout(values, parties),
  substitute: drawSubstituteLayout,
} as const;

export const FORM_1099_NEC_LAYOUTS = Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[];

/** One 1099-NEC of either layout with the schema fields it carries as ground truth. */
export const generate1099Nec: SynthGenerator = async (rng: Rng): Promise<SynthDocument> =>
  generate1099NecLayout(rng, rng.pick(FORM_1099_NEC_LAYOUTS));

export async function generate1099NecLayout(rng: Rng, layout: keyof typeof LAYOUTS): Promise<SynthDocument> {
  const { values, parties } = drawValues(rng);
  const pdf = await LAYOUTS[layout](values, parties, rng);
  return { docType: 'form_1099_nec', layout, pdf, expected: { ...values } };
}
