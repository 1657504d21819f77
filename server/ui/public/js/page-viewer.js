import { h } from './dom.js';
import { fieldLabel } from './format.js';

/**
 * The pages with a box over every extracted value that has a source. Boxes are placed in fractions of the
 * page (origin top-left), so they stay on their words at any zoom.
 */
export function createPageViewer(view, { flagged, onBoxClick }) {
  const pages = view.pages?.length
    ? view.pages
    : Array.from({ length: view.pageCount ?? 0 }, (_, i) => ({ number: i + 1, hasImage: true }));
  const boxes = new Map();
  const frames = new Map();
  // Focusable, so the pages scroll from the keyboard too.
  const element = h('section', { class: 'viewer', 'aria-label': 'Pages', tabindex: '0' });
  for (const page of pages) {
    const frame = h('div', { class: 'page', dataset: { page: String(page.number) } });
    if (page.width && page.height) frame.style.aspectRatio = `${page.width} / ${page.height}`;
    frame.append(
      page.hasImage === false
        ? h('p', { class: 'no-image' }, `Page ${page.number} has no image.`)
        : h('img', {
            src: `/api/documents/${encodeURIComponent(view.id)}/pages/${page.number}.png`,
            alt: `Page ${page.number} of ${view.file}`,
          }),
    );
    frames.set(page.number, frame);
    element.append(h('figure', {}, frame, h('figcaption', {}, `Page ${page.number} of ${pages.length}`)));
  }
  for (const [name, field] of Object.entries(view.fields ?? {})) {
    const frame = frames.get(field.source?.page);
    const bbox = field.source?.bbox;
    if (!frame || !isBox(bbox)) continue;
    const box = h('button', {
      type: 'button',
      tabindex: '-1',
      class: flagged.has(name) ? 'box is-flagged' : 'box',
      title: fieldLabel(name),
      'aria-label': `Go to ${fieldLabel(name)}`,
      dataset: { field: name },
    });
    const [x0, y0, x1, y1] = bbox;
    Object.assign(box.style, {
      left: `${x0 * 100}%`,
      top: `${y0 * 100}%`,
      width: `${(x1 - x0) * 100}%`,
      height: `${(y1 - y0) * 100}%`,
    });
    box.addEventListener('click', () => onBoxClick(name));
    frame.append(box);
    boxes.set(name, box);
  }

  return {
    element,
    /** Highlights the field's box and scrolls it into view; no box for fields without a source. */
    highlight(name) {
      for (const box of element.querySelectorAll('.box.is-selected')) box.classList.remove('is-selected');
      const box = boxes.get(name);
      if (!box) return;
      box.classList.add('is-selected');
      box.scrollIntoView({ block: 'center', inline: 'nearest' });
    },
  };
}

function isBox(bbox) {
  return (
    Array.isArray(bbox) &&
    bbox.length === 4 &&
    bbox.every((n) => typeof n === 'number' && n >= 0 && n <= 1) &&
    bbox[2] > bbox[0] &&
    bbox[3] > bbox[1]
  );
}
