// Where the main window opens: the size and place the user left it at, read back from a JSON
// file that may be missing, stale or hand-edited, and moved onto a display that still exists
// (monitors get unplugged between sessions). Pure so it is tested without Electron.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState extends Rect {
  maximized: boolean;
}

/** Small enough for a 1280×720 laptop screen, large enough for library | timeline | inspector. */
export const MIN_SIZE = { width: 960, height: 600 } as const;
const DEFAULT_SIZE = { width: 1440, height: 900 } as const;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v);

/** The saved state if it has the right shape, else null (the caller then uses defaults). */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.x) || !isInt(r.y) || !isInt(r.width) || !isInt(r.height)) return null;
  if (r.width <= 0 || r.height <= 0 || typeof r.maximized !== 'boolean') return null;
  return { x: r.x, y: r.y, width: r.width, height: r.height, maximized: r.maximized };
}

function overlapArea(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function centreIn(area: Rect, width: number, height: number): Rect {
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));

/**
 * Bounds for the window: the saved ones, shrunk to fit and moved fully inside the display work
 * area they overlap most; or, when they overlap none (or nothing was saved), a default size
 * centred on the primary display. `workAreas` are the displays' work areas (without taskbars).
 */
export function placeWindow(saved: WindowState | null, workAreas: Rect[], primary: Rect): WindowState {
  let area = primary;
  let best = 0;
  if (saved) {
    for (const wa of workAreas) {
      const o = overlapArea(saved, wa);
      if (o > best) {
        best = o;
        area = wa;
      }
    }
  }
  // A display smaller than our minimum still gets a window that fits on it.
  const width = clamp(saved && best > 0 ? saved.width : DEFAULT_SIZE.width, Math.min(MIN_SIZE.width, area.width), area.width);
  const height = clamp(saved && best > 0 ? saved.height : DEFAULT_SIZE.height, Math.min(MIN_SIZE.height, area.height), area.height);
  if (!saved || best === 0) return { ...centreIn(area, width, height), maximized: saved?.maximized ?? false };
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
    maximized: saved.maximized,
  };
}
