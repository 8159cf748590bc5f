// Transport glyphs (16px, filled where a player's buttons are), inline for the CSP.
import type { ReactNode } from 'react';

function Glyph({ children }: { children: ReactNode }) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="currentColor" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const PlayGlyph = () => (
  <Glyph>
    <path d="M4.5 2.8v10.4c0 .5.5.8.9.5l8-5.2a.6.6 0 0 0 0-1L5.4 2.3c-.4-.3-.9 0-.9.5z" />
  </Glyph>
);
export const PauseGlyph = () => (
  <Glyph>
    <rect x="3.5" y="2.5" width="3.2" height="11" rx=".6" />
    <rect x="9.3" y="2.5" width="3.2" height="11" rx=".6" />
  </Glyph>
);
export const StepBackGlyph = () => (
  <Glyph>
    <rect x="3" y="3" width="1.8" height="10" rx=".5" />
    <path d="M13 3.6v8.8c0 .5-.5.7-.9.4L6.3 8.5a.6.6 0 0 1 0-1l5.8-4.3c.4-.3.9 0 .9.4z" />
  </Glyph>
);
export const StepFwdGlyph = () => (
  <Glyph>
    <rect x="11.2" y="3" width="1.8" height="10" rx=".5" />
    <path d="M3 3.6v8.8c0 .5.5.7.9.4l5.8-4.3a.6.6 0 0 0 0-1L3.9 3.2c-.4-.3-.9 0-.9.4z" />
  </Glyph>
);
export const PrevShotGlyph = () => (
  <Glyph>
    <rect x="2" y="3" width="1.8" height="10" rx=".5" />
    <path d="M9 3.6v8.8c0 .4-.5.7-.9.4L4.7 8.5a.6.6 0 0 1 0-1l3.4-4.3c.4-.3.9 0 .9.4zM14.5 3.6v8.8c0 .4-.5.7-.9.4l-3.4-4.3a.6.6 0 0 1 0-1l3.4-4.3c.4-.3.9 0 .9.4z" />
  </Glyph>
);
export const NextShotGlyph = () => (
  <Glyph>
    <rect x="12.2" y="3" width="1.8" height="10" rx=".5" />
    <path d="M7 3.6v8.8c0 .4.5.7.9.4l3.4-4.3a.6.6 0 0 0 0-1L7.9 3.2c-.4-.3-.9 0-.9.4zM1.5 3.6v8.8c0 .4.5.7.9.4l3.4-4.3a.6.6 0 0 0 0-1L2.4 3.2c-.4-.3-.9 0-.9.4z" />
  </Glyph>
);
export const LoopGlyph = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.4"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M3 7V6a2 2 0 0 1 2-2h7.5M10.5 2l2 2-2 2M13 9v1a2 2 0 0 1-2 2H3.5M5.5 14l-2-2 2-2" />
  </svg>
);
export const MarkInGlyph = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M9.5 3H6v10h3.5" />
    <path d="M9 8h4" strokeWidth="1.2" />
  </svg>
);
export const MarkOutGlyph = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M6.5 3H10v10H6.5" />
    <path d="M7 8H3" strokeWidth="1.2" />
  </svg>
);
