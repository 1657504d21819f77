/** Synthetic Forms W-9 with known values: the IRS form as a requester receives it, and a substitute form. */
import { type PDFFont, type PDFPage, rgb, StandardFonts } from 'pdf-lib';
import type { Rng, SynthDocument, SynthGenerator } from './synth-document.ts';
import { openLetterPage } from './synth-pdf.ts';

const FIRST_NAMES = [
  'Maria',
  'James',
  'Aisha',
  'Robert',
  'Linh',
  'Daniel',
  'Priya',
  'Carlos',
  'Emily',
  'Kwame',
];
const LAST_NAMES = [
  'Garcia',
  'Thompson',
  'Okafor',
  'Nguyen',
  'Patel',
  'Kowalski',
  'Bennett',
  'Rivera',
  'Larsen',
];
const BUSINESS_WORDS = [
  'Summit',
  'Bluewater',
  'Ironwood',
  'Cedar Ridge',
  'Granite',
  'Northstar',
  'Harbor Light',
];
const BUSINESS_TRADES = [
  'Consulting',
  'Logistics',
  'Design',
  'Electric',
  'Analytics',
  'Landscaping',
  'Media',
];
const STREETS = [
  'Oak Street',
  'Maple Ave',
  'Lakeview Drive',
  'Commerce Blvd',
  'Elm St',
  'Ridge Road',
  'Main St',
];
const CITIES = [
  ['Springfield', 'IL', '627'],
  ['Austin', 'TX', '787'],
  ['Columbus', 'OH', '432'],
  ['Portland', 'OR', '972'],
  ['Raleigh', 'NC', '276'],
  ['Denver', 'CO', '802'],
  ['Tampa', 'FL', '336'],
] as const;

/** Classifications a W-9 can carry, with the entity suffix that goes with each. */
export const TAX_CLASSIFICATIONS = [
  'individual',
  'c_corporation',
  's_corporation',
  'partnership',
  'trust_estate',
  'llc',
  'other',
] as const;
export type TaxClassification = (typeof TAX_CLASSIFICATIONS)[number];
export type EntityClassification = Exclude<TaxClassification, 'individual'>;
export const ENTITY_CLASSIFICATIONS = TAX_CLASSIFICATIONS.filter(
  (c): c is EntityClassification => c !== 'individual',
);
const SUFFIX: Record<Exclude<TaxClassification, 'individual'>, readonly string[]> = {
  c_corporation: ['Inc.', 'Corporation', 'Corp.'],
  s_corporation: ['Inc.', 'Co.'],
  partnership: ['Partners LP', 'LLP'],
  trust_estate: ['Family Trust'],
  llc: ['LLC'],
  other: ['Cooperative', 'Association'],
};

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** An SSN the SSA could issue: no area 000, 666 or 900-999, no group 00, no serial 0000. */
export function randomSsn(rng: Rng): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  return `${pad(area, 3)}-${pad(rng.int(1, 99), 2)}-${pad(rng.int(1, 9999), 4)}`;
}

const EIN_PREFIXES_NOT_ISSUED = new Set([0, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97]);

/** An EIN with a prefix the IRS assigns. */
export function randomEin(rng: Rng): string {
  let prefix = rng.int(1, 99);
  while (EIN_PREFIXES_NOT_ISSUED.has(prefix)) prefix = rng.int(1, 99);
  return `${pad(prefix, 2)}-${pad(rng.int(0, 9_999_999), 7)}`;
}

export function randomPerson(rng: Rng): string {
  const middle = rng.chance(0.3) ? ` ${String.fromCharCode(65 + rng.int(0, 25))}.` : '';
  return `${rng.pick(FIRST_NAMES)}${middle} ${rng.pick(LAST_NAMES)}`;
}

export function randomBusiness(rng: Rng, classification: EntityClassification): string {
  const head = rng.chance(0.3) ? rng.pick(LAST_NAMES) : rng.pick(BUSINESS_WORDS);
  return `${head} ${rng.pick(BUSINESS_TRADES)} ${rng.pick(SUFFIX[classification])}`;
}

export function randomAddress(rng: Rng): { street: string; cityStateZip: string } {
  const suite = rng.chance(0.25) ? `, Suite ${rng.int(100, 450)}` : '';
  const [city, state, zip] = rng.pick(CITIES);
  return {
    street: `${rng.int(12, 9850)} ${rng.pick(STREETS)}${suite}`,
    cityStateZip: `${city}, ${state} ${zip}${pad(rng.int(1, 99), 2)}`,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September'];

/** A signing date as printed and as ISO; the March 2024 revision cannot be signed before it existed. */
export function randomSigningDate(rng: Rng, fromYear: number): { printed: string; iso: string } {
  const year = rng.int(fromYear, 2026);
  const month = rng.int(year === 2024 ? 4 : 1, 9);
  const day = rng.int(1, 28);
  const iso = `${year}-${pad(month, 2)}-${pad(day, 2)}`;
  const printed = rng.pick([
    `${pad(month, 2)}/${pad(day, 2)}/${year}`,
    `${month}/${day}/${year}`,
    `${MONTHS[month - 1]} ${day}, ${year}`,
  ]);
  return { printed, iso };
}

type W9Values = {
  name: string;
  business_name?: string;
  tax_classification: TaxClassification;
  address: string;
  city_state_zip: string;
  tin_type: 'SSN' | 'EIN';
  tin: string;
  signature_date: string;
};

function drawW9Values(rng: Rng): { values: W9Values; signedOn: string } {
  const classification = rng.chance(0.4) ? 'individual' : rng.pick(ENTITY_CLASSIFICATIONS);
  const isIndividual = classification === 'individual';
  const name = isIndividual ? randomPerson(rng) : randomBusiness(rng, classification);
  const dba = isIndividual
    ? `${rng.pick(LAST_NAMES)} ${rng.pick(BUSINESS_TRADES)}`
    : `${rng.pick(BUSINESS_WORDS)} ${rng.pick(BUSINESS_TRADES)}`;
  const address = randomAddress(rng);
  const date = randomSigningDate(rng, 2024);
  const values: W9Values = {
    name,
    ...(rng.chance(isIndividual ? 0.4 : 0.25) ? { business_name: dba } : {}),
    tax_classification: classification,
    address: address.street,
    city_state_zip: address.cityStateZip,
    tin_type: isIndividual ? 'SSN' : 'EIN',
    tin: isIndividual ? randomSsn(rng) : randomEin(rng),
    signature_date: date.iso,
  };
  return { values, signedOn: date.printed };
}

type Pen = {
  page: PDFPage;
  text(value: string, x: number, y: number, size?: number, font?: PDFFont): void;
  box(x: number, y: number, width: number, height: number): void;
  /** A cell guide of a fillable form, light grey, as Part I's digit boxes print. */
  guide(x: number, y: number, width: number, height: number): void;
};

async function openLetter() {
  const { pdf, page, fonts } = await openLetterPage({
    regular: StandardFonts.Helvetica,
    bold: StandardFonts.HelveticaBold,
    times: StandardFonts.TimesRoman,
    timesBold: StandardFonts.TimesRomanBold,
    italic: StandardFonts.TimesRomanItalic,
    courier: StandardFonts.Courier,
  });
  const pen: Pen = {
    page,
    text: (value, x, y, size = 10, font = fonts.regular) => page.drawText(value, { x, y, size, font }),
    box: (x, y, width, height) =>
      page.drawRectangle({ x, y, width, height, borderColor: rgb(0, 0, 0), borderWidth: 0.6 }),
    guide: (x, y, width, height) =>
      page.drawRectangle({ x, y, width, height, borderColor: rgb(0.72, 0.72, 0.72), borderWidth: 0.4 }),
  };
  return { pdf, pen, fonts };
}

const CHECKBOXES: Array<[TaxClassification, string]> = [
  ['individual', 'Individual/sole proprietor'],
  ['c_corporation', 'C corporation'],
  ['s_corporation', 'S corporation'],
  ['partnership', 'Partnership'],
  ['trust_estate', 'Trust/estate'],
];

/** Digits one per box, the groups apart, the way the IRS form prints Part I. */
function drawTinBoxes(pen: Pen, x: number, y: number, groups: number[], tin?: string): void {
  const digits = tin?.replace(/-/g, '') ?? '';
  let at = x;
  let index = 0;
  for (const [g, count] of groups.entries()) {
    for (let i = 0; i < count; i++) {
      pen.guide(at, y - 4, 14, 16);
      const digit = digits[index++];
      if (digit) pen.text(digit, at + 4, y, 10);
      at += 14;
    }
    if (g < groups.length - 1) {
      pen.text('-', at + 3, y, 10);
      at += 12;
    }
  }
}

/** Follows the March 2024 revision: numbered lines with the values under them, check boxes, Part I and II. */
async function drawIrsLayout(values: W9Values, signedOn: string, rng: Rng): Promise<Uint8Array> {
  const { pdf, pen, fonts } = await openLetter();
  const small = (value: string, x: number, y: number, size = 7) => pen.text(value, x, y, size);
  pen.text('Form W-9', 36, 752, 16, fonts.bold);
  small('(Rev. March 2024)', 36, 740);
  small('Department of the Treasury', 36, 730);
  small('Internal Revenue Service', 36, 722);
  pen.text('Request for Taxpayer', 200, 752, 14, fonts.bold);
  pen.text('Identification Number and Certification', 160, 736, 12, fonts.bold);
  small('Go to www.irs.gov/FormW9 for instructions and the latest information.', 172, 722);
  small('Give form to the', 500, 752, 8);
  small('requester. Do not', 500, 742, 8);
  small('send to the IRS.', 500, 732, 8);
  small(
    'Before you begin. For guidance related to the purpose of Form W-9, see Purpose of Form, below.',
    36,
    708,
  );
  small(
    "1 Name of entity/individual. An entry is required. (For a sole proprietor or disregarded entity, enter the owner's name on line 1.)",
    36,
    694,
  );
  pen.text(values.name, 44, 680, 10);
  small('2 Business name/disregarded entity name, if different from above.', 36, 664);
  if (values.business_name) pen.text(values.business_name, 44, 650, 10);
  small(
    '3a Check the appropriate box for federal tax classification of the entity/individual whose name is',
    36,
    634,
  );
  small('entered on line 1. Check only one of the following seven boxes.', 36, 626);
  small('4 Exemptions (codes apply only to', 440, 634);
  small('certain entities, not individuals):', 440, 626);
  /** A tax-classification box, its X when checked, and its label beside it. */
  const checkbox = (x: number, y: number, label: string, isChecked: boolean) => {
    pen.box(x, y, 8, 8);
    if (isChecked) pen.text('X', x + 1.3, y + 1.5, 8, fonts.bold);
    small(label, x + 12, y + 2, 8);
  };
  let x = 36;
  for (const [classification, label] of CHECKBOXES) {
    checkbox(x, 608, label, classification === values.tax_classification);
    x += fonts.regular.widthOfTextAtSize(label, 8) + 24;
  }
  const llcLetter = values.tax_classification === 'llc' ? rng.pick(['C', 'S', 'P']) : '';
  checkbox(
    36,
    590,
    'LLC. Enter the tax classification (C = C corporation, S = S corporation, P = Partnership) . . .',
    Boolean(llcLetter),
  );
  pen.box(390, 588, 14, 12);
  if (llcLetter) pen.text(llcLetter, 394, 591, 9);
  checkbox(36, 574, 'Other (see instructions)', values.tax_classification === 'other');
  small('Exempt payee code (if any)', 440, 600);
  small('Exemption from FATCA reporting', 440, 584);
  small(
    '3b If on line 3a you checked "Partnership" or "Trust/estate," or checked "LLC" and entered "P" as its',
    36,
    560,
  );
  small(
    'tax classification, and you are providing this form to a partnership, trust, or estate, check this box.',
    36,
    552,
  );
  small('5 Address (number, street, and apt. or suite no.). See instructions.', 36, 536);
  small("Requester's name and address (optional)", 380, 536);
  pen.text(values.address, 44, 522, 10);
  small('6 City, state, and ZIP code', 36, 506);
  pen.text(values.city_state_zip, 44, 492, 10);
  small('7 List account number(s) here (optional)', 36, 476);
  pen.text('Part I', 36, 452, 9, fonts.bold);
  pen.text('Taxpayer Identification Number (TIN)', 80, 452, 9, fonts.bold);
  const partOne = [
    'Enter your TIN in the appropriate box. The TIN provided must match the name',
    'given on line 1 to avoid backup withholding. For individuals, this is generally',
    'your social security number (SSN). However, for a resident alien, sole proprietor,',
    'or disregarded entity, see the instructions for Part I, later. For other entities,',
    'it is your employer identification number (EIN). If you do not have a number,',
    'see How to get a TIN, later.',
  ];
  for (const [i, line] of partOne.entries()) small(line, 36, 436 - i * 9);
  small('Social security number', 400, 438, 8);
  drawTinBoxes(pen, 400, 420, [3, 2, 4], values.tin_type === 'SSN' ? values.tin : undefined);
  small('or', 400, 404, 8);
  small('Employer identification number', 400, 392, 8);
  drawTinBoxes(pen, 400, 374, [2, 7], values.tin_type === 'EIN' ? values.tin : undefined);
  pen.text('Part II', 36, 350, 9, fonts.bold);
  pen.text('Certification', 80, 350, 9, fonts.bold);
  const partTwo = [
    'Under penalties of perjury, I certify that:',
    '1. The number shown on this form is my correct taxpayer identification number (or I am waiting for a number to be issued to me); and',
    '2. I am not subject to backup withholding because (a) I am exempt from backup withholding, or (b) I have not been notified by the',
    'Internal Revenue Service (IRS) that I am subject to backup withholding as a result of a failure to report all interest or dividends; and',
    '3. I am a U.S. citizen or other U.S. person (defined below); and',
    '4. The FATCA code(s) entered on this form (if any) indicating that I am exempt from FATCA reporting is correct.',
  ];
  for (const [i, line] of partTwo.entries()) small(line, 36, 336 - i * 9);
  pen.text('Sign', 36, 272, 9, fonts.bold);
  pen.text('Here', 36, 262, 9, fonts.bold);
  small('Signature of', 70, 270);
  small('U.S. person', 70, 262);
  pen.text(values.name, 130, 266, 13, fonts.italic);
  small('Date', 400, 266, 8);
  pen.text(signedOn, 430, 266, 10);
  pen.text('General Instructions', 36, 236, 10, fonts.bold);
  const general = [
    'Section references are to the Internal Revenue Code unless otherwise noted. An individual or entity (Form W-9',
    'requester) who is required to file an information return with the IRS is giving you this form because it must',
    'obtain your correct taxpayer identification number (TIN), which may be your social security number (SSN),',
    'individual taxpayer identification number (ITIN), adoption taxpayer identification number (ATIN), or employer',
    'identification number (EIN), to report on an information return the amount paid to you.',
  ];
  for (const [i, line] of general.entries()) small(line, 36, 222 - i * 9, 7.5);
  small('Cat. No. 10231X', 280, 40);
  small('Form W-9 (Rev. 3-2024)', 500, 40);
  return pdf.save();
}

const CLASSIFICATION_WORDS: Record<TaxClassification, readonly string[]> = {
  individual: ['Individual/sole proprietor', 'Individual / Sole proprietor', 'Sole proprietor'],
  c_corporation: ['C Corporation', 'C corporation'],
  s_corporation: ['S Corporation', 'S corporation'],
  partnership: ['Partnership'],
  trust_estate: ['Trust/estate', 'Trust or estate'],
  llc: ['Limited liability company', 'LLC'],
  other: ['Other'],
};

/**
 * A substitute W-9 from a vendor-onboarding system: the certification the IRS requires, but labels beside
 * values, the TIN printed whole, the classification as text and a different order and font.
 */
async function drawSubstituteLayout(values: W9Values, signedOn: string, rng: Rng): Promise<Uint8Array> {
  const { pdf, pen, fonts } = await openLetter();
  const requester = `${rng.pick(BUSINESS_WORDS)} ${rng.pick(BUSINESS_TRADES)} Inc.`;
  const [regular, bold] = rng.chance(0.5) ? [fonts.times, fonts.timesBold] : [fonts.regular, fonts.bold];
  pen.text(requester, 50, 740, 15, bold);
  pen.text('Vendor Tax Information - Substitute Form W-9', 50, 718, 12, bold);
  pen.text('Request for Taxpayer Identification Number and Certification', 50, 702, 9, regular);
  let y = 670;
  const row = (label: string, value: string) => {
    pen.text(label, 50, y, 10, bold);
    pen.text(value, 230, y, 10, regular);
    y -= 22;
  };
  const tinLabel = rng.pick(['Taxpayer ID number (TIN):', `${values.tin_type}:`, 'Tax ID:']);
  const tinFirst = rng.chance(0.5);
  row('Legal name (as on tax return):', values.name);
  if (values.business_name) row('Business name / DBA:', values.business_name);
  if (tinFirst) row(tinLabel, values.tin);
  row('Federal tax classification:', rng.pick(CLASSIFICATION_WORDS[values.tax_classification]));
  row('Street address:', values.address);
  row('City, state, ZIP:', values.city_state_zip);
  if (!tinFirst) {
    row(
      'TIN type:',
      values.tin_type === 'SSN' ? 'Social security number (SSN)' : 'Employer identification number (EIN)',
    );
    row(tinLabel, values.tin);
  }
  y -= 10;
  pen.text('Certification', 50, y, 11, bold);
  const certification = [
    'Under penalties of perjury, I certify that: (1) the number shown on this form is my correct taxpayer',
    'identification number; (2) I am not subject to backup withholding; (3) I am a U.S. citizen or other U.S.',
    'person; and (4) the FATCA code(s) entered on this form (if any) are correct.',
  ];
  for (const line of certification) {
    y -= 14;
    pen.text(line, 50, y, 9, regular);
  }
  y -= 36;
  pen.text('Signature:', 50, y, 10, bold);
  pen.text(`/s/ ${values.name}`, 130, y, 11, fonts.italic);
  pen.text('Date signed:', 380, y, 10, bold);
  pen.text(signedOn, 460, y, 10, regular);
  pen.text('Please return this form to Accounts Payable. Do not send it to the IRS.', 50, 60, 8, regular);
  return pdf.save();
}

const LAYOUTS = { irs: drawIrsLayout, substitute: drawSubstituteLayout } as const;

/** One W-9 of either layout with the schema fields it carries as ground truth. */
export const generateW9: SynthGenerator = async (rng: Rng): Promise<SynthDocument> => {
  const layout = rng.pick(Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[]);
  return generateW9Layout(rng, layout);
};

export async function generateW9Layout(rng: Rng, layout: keyof typeof LAYOUTS): Promise<SynthDocument> {
  const { values, signedOn } = drawW9Values(rng);
  const pdf = await LAYOUTS[layout](values, signedOn, rng);
  return { docType: 'w9', layout, pdf, expected: { ...values } };
}

export const W9_LAYOUTS = Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[];
