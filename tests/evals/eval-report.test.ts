import { describe, expect, it } from 'vitest';
import type { DocumentRow } from '../../evals/eval-report.ts';
import { summarizeRows } from '../../evals/evaluate-dataset.ts';
import { renderReportHtml } from '../../evals/report/render-report-html.ts';

const HOSTILE = '<script>alert("pwned")</script><img src=x onerror=alert(1)>';

const rows: DocumentRow[] = [
  {
    file: 'a.pdf',
    expectedDocType: 'invoice',
    docType: 'invoice',
    status: 'auto_approved',
    reasons: [],
    latencyMs: 120,
    costUsd: 0,
    correct: 1,
    expected: 3,
    scored: [
      { field: 'total_amount', confidence: 0.97, isMatch: true, predicted: true },
      { field: 'customer_name', confidence: 0.9, isMatch: false, predicted: true },
      { field: 'recipient_tin', confidence: 0.8, isMatch: false, predicted: true },
    ],
    mismatches: [
      { field: 'customer_name', expected: 'ACME', predicted: HOSTILE, confidence: 0.9, similarity: 0.1 },
      {
        field: 'recipient_tin',
        expected: '123-45-6789',
        predicted: '123-45-6780',
        confidence: 0.8,
        similarity: 0.9,
      },
    ],
  },
  {
    file: `${HOSTILE}.pdf`,
    expectedDocType: 'receipt',
    docType: 'other',
    status: 'needs_review',
    reasons: ['unknown_type', HOSTILE],
    latencyMs: 2400,
    costUsd: 0,
    correct: 0,
    expected: 1,
    scored: [{ field: 'total_amount', isMatch: false, predicted: false }],
    mismatches: [{ field: 'total_amount', expected: HOSTILE, similarity: 0 }],
  },
];

const html = renderReportHtml(summarizeRows('/data/<set>', rows), {
  engine: 'rules',
  generatedAt: new Date('2026-01-02T03:04:05Z'),
});

describe('renderReportHtml', () => {
  it('is self-contained: no script, stylesheet link or remote source', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?\s*(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(|@import/i);
    expect(html).toMatch(/<style>[\s\S]+<\/style>/);
  });

  it('escapes document text wherever it appears', () => {
    const escaped = '&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;';
    expect(html).not.toContain(HOSTILE);
    expect(html).not.toMatch(/<img/i);
    // The predicted value, the expected value and the file name of the mismatch list, and the review reason.
    expect(html.split(escaped).length - 1).toBeGreaterThanOrEqual(4);
    expect(html).toContain('/data/&lt;set&gt;');
  });

  it('masks tax ids in the mismatch list', () => {
    expect(html).not.toContain('123-45-6789');
    expect(html).not.toContain('123-45-6780');
    expect(html).toContain('***6789');
  });

  it('draws one inline SVG per chart and the confusion matrix as a table', () => {
    const charts = [...html.matchAll(/<svg[^>]*aria-label="([^"]*)"/g)].map((m) => m[1]);
    expect(charts).toEqual([
      'F1 per field',
      expect.stringMatching(/^Reliability diagram/),
      'Extraction latency per document',
    ]);
    expect(html.match(/<\/svg>/g)).toHaveLength(3);
    expect(html).toMatch(/<table class="heat">[\s\S]*<th scope="row">receipt<\/th>/);
  });

  it('shows the business figures', () => {
    // One of two documents auto-approved, and it had customer_name wrong.
    expect(html).toContain('50.0%</b><span>straight-through (1 auto-approved)');
    expect(html).toContain('50.0%</b><span>false accepts (1; 100.0% of auto-approved)');
  });
});
