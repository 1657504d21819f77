import type { EvalReport } from '../eval-report.ts';
import { escapeHtml } from './escape-html.ts';

export type ReportMeta = { engine: string; generatedAt: Date };

/** A self-contained HTML page of an eval report: inline CSS and SVG, nothing fetched. */
export function renderReportHtml(report: EvalReport, meta: ReportMeta): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Paperwork eval: ${escapeHtml(report.dir)}</title></head>
<body><h1>Eval of ${escapeHtml(report.dir)}</h1><p>${escapeHtml(meta.engine)}</p></body></html>
`;
}
