import { describe, expect, it } from 'vitest';
import { routeExtraction } from '../../../tools/understand/route-extraction.ts';

const field = (confidence: number) => ({ value: 'x', confidence });
const COMPLETE_RECEIPT = { merchant_name: field(0.95), date: field(0.9), total_amount: field(0.97) };

describe('routeExtraction', () => {
  it('approves a sure receipt with every required field above the threshold', () => {
    expect(
      routeExtraction(
        { docType: 'receipt', docTypeConfidence: 0.95, fields: COMPLETE_RECEIPT },
        { threshold: 0.8 },
      ),
    ).toEqual({
      status: 'auto_approved',
      reasons: [],
    });
  });

  it.each([
    [{ date: field(0.9), total_amount: field(0.97) }, 0.95, 'merchant_name missing'],
    [{ ...COMPLETE_RECEIPT, date: field(0.62) }, 0.95, 'date confidence 0.62 below 0.80'],
    [COMPLETE_RECEIPT, 0.55, 'document type unsure (0.55)'],
  ])('sends %j (type %s) to review because %s', (fields, docTypeConfidence, reason) => {
    const route = routeExtraction({ docType: 'receipt', docTypeConfidence, fields }, { threshold: 0.8 });
    expect(route.status).toBe('needs_review');
    expect(route.reasons).toEqual([reason]);
  });

  it('always reviews an unrecognised document', () => {
    const route = routeExtraction(
      { docType: 'other', docTypeConfidence: 0.99, fields: {} },
      { threshold: 0.8 },
    );
    expect(route).toEqual({ status: 'needs_review', reasons: ['document type not recognised'] });
  });

  it('approves a field exactly at the threshold', () => {
    const fields = { ...COMPLETE_RECEIPT, date: field(0.8) };
    expect(
      routeExtraction({ docType: 'receipt', docTypeConfidence: 0.9, fields }, { threshold: 0.8 }).status,
    ).toBe('auto_approved');
  });
});
