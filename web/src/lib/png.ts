// A chart's PNG with its context printed above it (title; page, period, filters; as-of day),
// drawn on a canvas in the browser.
import { CHART_FONT } from './chart-options';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The chart image could not be read for the PNG export.'));
    image.src = src;
  });
}

/** `chartPng` (a data URL drawn at `pixelRatio`) under `lines` of heading; resolves to a PNG data URL. */
export async function pngWithHeading(chartPng: string, lines: readonly string[], pixelRatio = 2): Promise<string> {
  const chart = await loadImage(chartPng);
  const pad = 16 * pixelRatio;
  const sizes = lines.map((_, i) => (i === 0 ? 20 : 14) * pixelRatio);
  const heading = sizes.reduce((sum, size) => sum + size * 1.4, 0) + pad;
  const canvas = document.createElement('canvas');
  canvas.width = chart.width;
  canvas.height = Math.ceil(heading + chart.height + pad / 2);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw the PNG export (no canvas 2D context).');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.textBaseline = 'top';
  let y = pad;
  lines.forEach((line, i) => {
    const size = sizes[i] ?? 14 * pixelRatio;
    ctx.font = `${i === 0 ? '700' : '400'} ${size}px ${CHART_FONT}`;
    ctx.fillStyle = i === 0 ? '#1d232a' : '#5b6672';
    ctx.fillText(line, pad, y, canvas.width - 2 * pad);
    y += size * 1.4;
  });
  ctx.drawImage(chart, 0, Math.ceil(heading));
  return canvas.toDataURL('image/png');
}
