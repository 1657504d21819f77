import type { EvalReport } from '../eval-report.ts';
import { confusionHeatTable } from './confusion-heat-table.ts';
import { escapeHtml } from './escape-html.ts';
import { mismatchTable, reasonTable } from './mismatch-table.ts';
import { REPORT_STYLES } from './report-styles.ts';
import { svgBarChart } from './svg-bar-chart.ts';
import { svgHistogram } from './svg-histogram.ts';
import { svgReliabilityDiagram } from './svg-reliability-diagram.ts';

export type ReportMeta = { engine: string; generatedAt: Date };

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number) => `$${x.toFixed(4)}`;
const duration = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

function card(value: string, label: string): string {
  return `<div class="card"><b>${escapeHtml(value)}</b><span>${escapeHtml(label)}</span></div>`;
}

function fieldTable(report: EvalReport): string {
  const body = report.fields
    .map(
      (f) =>
        `<tr><td class="text">${escapeHtml(f.field)}</td><td>${f.expected}</td><td>${f.predicted}</td>` +
        `<td>${f.correct}</td><td>${percent(f.precision)}</td><td>${percent(f.recall)}</td>` +
        `<td>${percent(f.f1)}</td><td>${f.meanSimilarity.toFixed(3)}</td></tr>`,
    )
    .join('');
  return (
    '<table><thead><tr><th>field</th><th>expected</th><th>predicted</th><th>correct</th><th>precision</th>' +
    `<th>recall</th><th>F1</th><th>similarity</th></tr></thead><tbody>${body}</tbody></table>`
  );
}

function binTable(report: EvalReport): string {
  const body = report.calibration.bins
    .map(
      (b) =>
        `<tr><td>${b.lower.toFixed(1)}–${b.upper.toFixed(1)}</td><td>${b.count}</td>` +
        `<td>${b.count ? b.meanConfidence.toFixed(3) : ''}</td><td>${b.count ? b.accuracy.toFixed(3) : ''}</td></tr>`,
    )
    .join('');
  return (
    '<table><thead><tr><th>confidence</th><th>fields</th><th>mean confidence</th><th>accuracy</th></tr></thead>' +
    `<tbody>${body}</tbody></table>`
  );
}

/**
 * A self-contained HTML page of an eval report: inline CSS and hand-drawn inline SVG (F1 per field,
 * reliability diagram, latency histogram), the type confusion as a heat table, and every mismatch. Nothing is
 * fetched, no script runs, and every string from the dataset or the documents is escaped.
 */
export function renderReportHtml(report: EvalReport, meta: ReportMeta): string {
  const { business, calibration, latency, cost } = report;
  const cards = [
    card(String(report.documents), `documents (${report.errors} failed)`),
    card(
      report.docTypes.accuracy === null ? '—' : percent(report.docTypes.accuracy),
      'document type accuracy',
    ),
    card(percent(business.straightThroughRate), `straight-through (${business.autoApproved} auto-approved)`),
    card(
      percent(business.falseAcceptRate),
      `false accepts (${business.falseAccepts}; ${percent(business.falseAcceptsPerAutoApproved)} of auto-approved)`,
    ),
    card(calibration.ece.toFixed(3), 'expected calibration error'),
    card(`${duration(latency.p50Ms)} / ${duration(latency.p95Ms)}`, 'latency p50 / p95'),
    card(usd(cost.perDocumentUsd), `cost per document (${usd(cost.totalUsd)} in all)`),
  ].join('');
  const f1Chart = svgBarChart(
    report.fields.map((f) => ({
      label: f.field,
      value: f.f1,
      note: `P ${percent(f.precision)}, R ${percent(f.recall)}`,
    })),
    'F1 per field',
  );
  // Seconds read better than five-digit milliseconds once OCR is in the run.
  const inSeconds = latency.p95Ms >= 2000;
  const scale = inSeconds ? 1000 : 1;
  const latencyChart = svgHistogram(
    report.rows.map((r) => r.latencyMs / scale),
    {
      label: 'Extraction latency per document',
      unit: inSeconds ? 's' : 'ms',
      markers: [
        { label: 'p50', value: latency.p50Ms / scale },
        { label: 'p95', value: latency.p95Ms / scale },
      ],
    },
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Paperwork eval: ${escapeHtml(report.dir)}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
<main>
<h1>Paperwork eval</h1>
<p class="muted">${escapeHtml(report.dir)} · engine ${escapeHtml(meta.engine)} · ${escapeHtml(meta.generatedAt.toISOString())}</p>
<section class="cards">${cards}</section>

<h2>Fields</h2>
<p class="muted">Precision is correct ÷ predicted (a wrong value counts against it), recall correct ÷ expected (a wrong or missing value does); similarity is the mean fuzzy text similarity.</p>
<div class="row">${f1Chart}${fieldTable(report)}</div>

<h2>Routing</h2>
<p class="muted">Straight-through: documents the routing policy approved without review. False accept: an approved document with an expected field wrong or missing.</p>
${reasonTable(report.rows)}

<h2>Confidence calibration</h2>
<p class="muted">Over every predicted field with a confidence, in ten equal bins. Bars below the diagonal are over-confident.</p>
<div class="row">${svgReliabilityDiagram(calibration)}${binTable(report)}</div>

<h2>Document types</h2>
${confusionHeatTable(report.docTypes)}

<h2>Latency and cost</h2>
<p class="muted">Wall time of each extraction (read, OCR, extract, validate, route), failures included.</p>
${latencyChart}

<h2>Mismatches</h2>
<p class="muted">Tax ids and account numbers are masked to their last four digits.</p>
${mismatchTable(report.rows)}
</main>
</body>
</html>
`;
}
