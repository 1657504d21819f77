/** The report's whole stylesheet, inlined so the page opens anywhere, offline, as one file. */
export const REPORT_STYLES = `
:root { color-scheme: light; --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #2563eb; --bad: #dc2626; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f9fafb; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 48px; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 17px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.muted { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 10px; margin: 18px 0 4px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card b { display: block; font-size: 22px; font-variant-numeric: tabular-nums; }
.card span { color: var(--muted); font-size: 12px; }
.row { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
table { border-collapse: collapse; background: #fff; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: right; vertical-align: top; }
th:first-child, th.text, td.text { text-align: left; }
td.nowrap { white-space: nowrap; }
thead th { background: #f3f4f6; font-weight: 600; }
td.text { max-width: 320px; overflow-wrap: anywhere; font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: 12px; }
.heat td { min-width: 56px; text-align: center; }
.heat td.ink { color: #fff; }
.heat .corner { font-weight: 400; color: var(--muted); font-size: 12px; }
svg.chart { background: #fff; border: 1px solid var(--line); border-radius: 8px; font-size: 11px; }
svg .bar { fill: var(--accent); opacity: 0.85; }
svg .grid { stroke: var(--line); }
svg .frame { fill: none; stroke: #9ca3af; }
svg .diagonal { stroke: #374151; stroke-width: 1.5; stroke-dasharray: 5 4; }
svg .dot { fill: #f59e0b; stroke: #fff; }
svg .marker { stroke: var(--bad); stroke-dasharray: 3 3; }
svg .marker-label { fill: var(--bad); }
svg .tick, svg .count { fill: var(--muted); }
svg .label, svg .value { fill: var(--ink); font-size: 12px; }
svg .axis { fill: var(--ink); }
.missing { color: var(--muted); font-style: italic; }
`;
