import { escapeHtml } from './escape-html.ts';

/** Rounds a coordinate so the markup stays short and stable. */
export const px = (value: number) => Math.round(value * 10) / 10;

export const percentLabel = (value: number) => `${Math.round(value * 100)}%`;

/**
 * An inline SVG element with a title for screen readers; the charts draw their own markup so the page needs
 * no script and no library.
 */
export function svgFrame(options: { width: number; height: number; label: string; body: string }): string {
  const label = escapeHtml(options.label);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-label="${label}" ` +
    `viewBox="0 0 ${options.width} ${options.height}" width="${options.width}" height="${options.height}">` +
    `<title>${label}</title>${options.body}</svg>`
  );
}

/** A text element; its content is escaped. */
export function svgText(
  x: number,
  y: number,
  text: string,
  attributes: Record<string, string | number> = {},
): string {
  const extra = Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(String(value))}"`)
    .join('');
  return `<text x="${px(x)}" y="${px(y)}"${extra}>${escapeHtml(text)}</text>`;
}
