import { describe, expect, it } from 'vitest';
import type { ExtractedField, Finding } from '../../../tools/documents/extraction-result.ts';
import { type RoutingPolicy, routeDocument } from '../../../tools/review/route-document.ts';

const field = (value: unknown, confidence = 0.95): ExtractedField => ({ value, confidence });
const receipt = {
  merchant_name: field('Kedai Runcit Ah Kow'),
  date: field('2026-11-20'),
  total_amount: field('80.90'),
};
const policy: RoutingPolicy = {
  threshold: 0.8,
  fieldThresholds: {},
  autoApproveLimit: 5000,
  qaSampleRate: 0,
};
const route = (
  overrides: {
    fields?: Record<string, ExtractedField>;
    findings?: Finding[];
    docTypeConfidence?: number;
  } = {},
  policyOverrides: Partial<RoutingPolicy> = {},
) =>
  routeDocument(
    {
      documentId: '7f0c1f8e-4a55-4a36-9a52-0d7d9c1e2b11',
      docType: 'receipt',
      docTypeConfidence: overrides.docTypeConfidence ?? 0.95,
      fields: overrides.fields ?? receipt,
      findings: overrides.findings ?? [],
    },
    { ...policy, ...policyOverrides },
  );

describe('routeDocument', () => {
  it.each([
    ['everything sure and clean', {}, {}, []],
    [
      'an error finding',
      { findings: [{ rule: 'totals_balance', severity: 'error', message: 'off by 10.00' }] },
      {},
      ['totals_balance: off by 10.00'],
    ],
    [
      'a warning finding',
      { findings: [{ rule: 'unknown_vendor', severity: 'warning', message: 'not in the master' }] },
      {},
      ['unknown_vendor: not in the master'],
    ],
    [
      'an info finding only',
      { findings: [{ rule: 'vendor_bank_not_on_file', severity: 'info', message: 'no bank on file' }] },
      {},
      [],
    ],
    ['an unsure type', { docTypeConfidence: 0.5 }, {}, ['type_unsure: document type receipt at 0.50']],
    [
      'a required field below the threshold',
      { fields: { ...receipt, date: field('2026-11-20', 0.6) } },
      {},
      ['low_confidence: date at 0.60, below 0.80'],
    ],
    [
      'a field with its own threshold',
      { fields: { ...receipt, currency: field('MYR', 0.85) } },
      { fieldThresholds: { currency: 0.9 } },
      ['low_confidence: currency at 0.85, below 0.90'],
    ],
    [
      'a per-field threshold lower than the default',
      { fields: { ...receipt, date: field('2026-11-20', 0.7) } },
      { fieldThresholds: { date: 0.6 } },
      [],
    ],
    [
      'an amount at the auto-approval limit',
      {},
      { autoApproveLimit: 80.9 },
      ['over_limit: amount 80.90 is at or above the auto-approval limit 80.90'],
    ],
    [
      'every would-be auto-approval sampled',
      {},
      { qaSampleRate: 1 },
      ['qa_sample: picked at random for a quality check'],
    ],
  ] as const)('%s', (_name, overrides, policyOverrides, reasons) => {
    const routed = route(overrides as never, policyOverrides as Partial<RoutingPolicy>);
    expect(routed.reasons).toEqual(reasons);
    expect(routed.status).toBe(reasons.length === 0 ? 'auto_approved' : 'needs_review');
  });

  it('sends a document of unknown type to review', () => {
    const routed = routeDocument(
      { docType: 'other', docTypeConfidence: 0.9, fields: {}, findings: [] },
      { ...policy, qaSampleRate: 1 },
    );
    expect(routed).toEqual({
      status: 'needs_review',
      reasons: ['unknown_type: document type not recognised'],
    });
  });

  it('does not sample a document already going to review', () => {
    const routed = route({ docTypeConfidence: 0.5 }, { qaSampleRate: 1 });
    expect(routed.reasons).toEqual(['type_unsure: document type receipt at 0.50']);
  });
});
