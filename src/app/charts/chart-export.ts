/**
 * A chart as a file: its SVG (recharts draws one) made to stand alone, with the styles the page's
 * CSS gives it written onto every element, its HTML legend redrawn inside, and a background; or
 * that SVG drawn at twice its size on a canvas and saved as PNG. File names say which chart of
 * which run. The naming and style-text helpers are pure (tested in Node); the rest needs a DOM.
 */

/**
 * The properties charts.css sets on SVG elements, copied as computed. Each is also an SVG
 * presentation attribute, which is how they are written: a style attribute set from script is an
 * inline style, and the page's Content-Security-Policy (style-src 'self') refuses those.
 */
export const INLINED_PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Scale of the PNG over the chart's size on screen: sharp on a projector or in a slide. */
export const PNG_SCALE = 2;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** "Held-out perplexity per generation" -> "held-out-perplexity-per-generation". */
export function slug(text: string, maxLength = 60): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.slice(0, maxLength).replace(/-+$/, '') || 'chart';
}

/** "collapse-lab-held-out-perplexity-per-generation-paper-replace-seed1.png". */
export function chartFileName(
  title: string,
  presetId: string | null,
  seed: number,
  extension: 'png' | 'svg',
): string {
  return `collapse-lab-${slug(title)}-${presetId ? slug(presetId) : 'custom'}-seed${seed}.${extension}`;
}

/** [attribute, value] for each property that has a value (quotes made single: they sit in an attribute). */
export function presentationAttributes(
  read: (property: string) => string,
  properties: readonly string[] = INLINED_PROPERTIES,
): [string, string][] {
  return properties
    .map((p): [string, string] => [p, read(p).trim().replace(/"/g, "'")])
    .filter(([, v]) => v !== '');
}

/** The PNG's pixel size for a chart drawn at `width` x `height` CSS pixels. */
export function pngSize(width: number, height: number, scale = PNG_SCALE): { width: number; height: number } {
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Copies computed styles from each original element onto its clone (same tree shape) as attributes. */
function inlineStyles(original: Element, clone: Element): void {
  const style = getComputedStyle(original);
  for (const [name, value] of presentationAttributes((p) => style.getPropertyValue(p)))
    clone.setAttribute(name, value);
  // The computed values above include what a style attribute said; a file with style attributes
  // would trip any page's style-src policy that opens it.
  clone.removeAttribute('style');
  const from = original.children;
  const to = clone.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i]);
}

/** An HTML colour swatch (a span with a background colour or a gradient) as an SVG rect. */
function swatchRect(
  doc: XMLDocument,
  swatch: HTMLElement,
  at: { x: number; y: number; width: number; height: number },
  id: string,
): Element[] {
  const style = getComputedStyle(swatch);
  const rect = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries(at)) rect.setAttribute(k, String(v));
  rect.setAttribute('rx', '2');
  const stops = style.backgroundImage.match(/rgba?\([^)]*\)/g) ?? [];
  if (stops.length < 2) {
    rect.setAttribute('fill', style.backgroundColor);
    return [rect];
  }
  // A ramp (e.g. generation 1 light ... n dark): the same colours as an SVG gradient.
  const gradient = doc.createElementNS(SVG_NS, 'linearGradient');
  gradient.setAttribute('id', id);
  stops.forEach((colour, i) => {
    const stop = doc.createElementNS(SVG_NS, 'stop');
    stop.setAttribute('offset', String(i / (stops.length - 1)));
    stop.setAttribute('stop-color', colour);
    gradient.append(stop);
  });
  rect.setAttribute('fill', `url(#${id})`);
  return [gradient, rect];
}

/** The chart's HTML legend (recharts draws it outside the SVG; so does the provenance chart) as SVG. */
function legendGroup(doc: XMLDocument, plot: HTMLElement, surface: DOMRect): SVGGElement {
  const group = doc.createElementNS(SVG_NS, 'g');
  const items = Array.from(plot.querySelectorAll<HTMLElement>('.recharts-legend-item, .chart-legend li'));
  items.forEach((item, index) => {
    const place = (el: Element) => {
      const box = el.getBoundingClientRect();
      return { x: box.left - surface.left, y: box.top - surface.top, width: box.width, height: box.height };
    };
    const icon = item.querySelector('svg');
    const swatch = item.querySelector<HTMLElement>('.chart-swatch');
    const mark = icon ?? swatch;
    if (icon) {
      const copy = doc.importNode(icon, true);
      inlineStyles(icon, copy);
      for (const [k, v] of Object.entries(place(icon))) copy.setAttribute(k, String(v));
      group.append(copy);
    } else if (swatch) {
      group.append(...swatchRect(doc, swatch, place(swatch), `legend-ramp-${index}`));
    }
    const label = item.querySelector<HTMLElement>('.recharts-legend-item-text') ?? item;
    const box = place(label);
    // An item that is its own label starts with its mark: the words come after it.
    const x = label === item && mark ? place(mark).x + place(mark).width + 6 : box.x;
    const style = getComputedStyle(label);
    const text = doc.createElementNS(SVG_NS, 'text');
    text.textContent = (label.textContent ?? '').trim();
    text.setAttribute('x', String(x));
    text.setAttribute('y', String(box.y + box.height / 2));
    text.setAttribute('fill', style.color);
    text.setAttribute('font-family', style.fontFamily.replace(/"/g, "'"));
    text.setAttribute('font-size', style.fontSize);
    text.setAttribute('dominant-baseline', 'central');
    group.append(text);
  });
  return group;
}

export interface StandaloneSvg {
  text: string;
  width: number;
  height: number;
}

/**
 * The chart in `plot` as one SVG document: the recharts surface with inlined styles, the legend,
 * a title and a background of the chart's own card colour. Throws when there is no chart drawn.
 */
export function standaloneSvg(plot: HTMLElement, title: string): StandaloneSvg {
  // The plot's own surface: legend icons are small svg.recharts-surface elements too.
  const svg = plot.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
  if (!svg) throw new Error('the chart has not been drawn yet');
  const rect = svg.getBoundingClientRect();
  const width = Math.round(rect.width);
  const height = Math.round(rect.height);
  // Built in a document of its own: an inert one, outside the page (and its style-src policy).
  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const clone = doc.importNode(svg, true);
  inlineStyles(svg, clone);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  clone.removeAttribute('style');
  const figure = plot.closest('figure') ?? plot;
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', getComputedStyle(figure).backgroundColor || '#ffffff');
  const heading = doc.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  clone.prepend(background);
  clone.prepend(heading);
  clone.append(legendGroup(doc, plot, rect));
  return { text: new XMLSerializer().serializeToString(clone), width, height };
}

/** Draws the SVG on a canvas at PNG_SCALE and encodes it as PNG. */
export async function svgToPng(svg: StandaloneSvg, scale = PNG_SCALE): Promise<Blob> {
  const image = new Image();
  const size = pngSize(svg.width, svg.height, scale);
  // A data: URL (the page's CSP allows data: images); an SVG image never taints the canvas here.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg.text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser gives no canvas to draw the PNG on');
  context.drawImage(image, 0, 0, size.width, size.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))),
      'image/png',
    );
  });
}
