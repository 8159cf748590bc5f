// The storyboard PDF: a cover page, then panels in the film's aspect ratio, several to a page,
// each with its frame, label, duration, camera move, action, dialogue and tool.
import PDFDocument from 'pdfkit';
import type { AspectRatio } from '../../../../shared/domain/types';
import { formatRunningTime } from '../../../../shared/domain/timecode';

export interface StoryboardPanel {
  label: string;
  durationS: number;
  camera: string;
  action: string;
  dialogue: string;
  tool: string;
  /** PNG or JPEG: the selected take's frame or a still; null draws a card with the label. */
  image: string | null;
}

export interface StoryboardInput {
  title: string;
  /** Lines under the title on the cover ("Written by", "Ana Ruiz"); none when absent or ''. */
  credits?: string;
  aspectRatio: AspectRatio;
  panels: StoryboardPanel[];
  date: Date;
  paper?: 'A4' | 'LETTER';
  /** TrueType fonts for text beyond Latin-1; without them the PDF's built-in Helvetica is used. */
  fonts?: { regular: string; bold: string };
}

export interface StoryboardLayout {
  cols: number;
  rows: number;
  perPage: number;
}

/** Landscape pages: six wide panels (3×2), eight square (4×2), four tall (4×1). */
export function storyboardLayout(aspectRatio: AspectRatio): StoryboardLayout {
  const [w, h] = aspectRatio.split(':').map(Number) as [number, number];
  const [cols, rows] = w > h ? [3, 2] : w === h ? [4, 2] : [4, 1];
  return { cols, rows, perPage: cols * rows };
}

export function storyboardPageCount(panels: number, aspectRatio: AspectRatio): number {
  return 1 + Math.ceil(panels / storyboardLayout(aspectRatio).perPage);
}

const MARGIN = 36;
const GAP = 14;
const HEADER = 28;
/** Room under each frame: label line, camera/tool line, three lines of action, two of dialogue. */
const TEXT_BLOCK = 86;

/** Helvetica speaks WinAnsi only: other characters would print as garbage, so they become "?". */
const latin1 = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff‘’“”–—…€•\n]/g, '?');

export function writeStoryboardPdf(input: StoryboardInput): Promise<Buffer> {
  const doc = new PDFDocument({
    size: input.paper ?? 'A4',
    layout: 'landscape',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: input.title, Creator: 'Shotline' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = input.fonts;
  if (fonts) {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
  }
  const regular = fonts ? 'regular' : 'Helvetica';
  const bold = fonts ? 'bold' : 'Helvetica-Bold';
  const t = fonts ? (text: string) => text : latin1;
  const pages = storyboardPageCount(input.panels.length, input.aspectRatio) - 1;

  doc.addPage();
  const { width: pageW, height: pageH } = doc.page;
  const totalS = input.panels.reduce((sum, p) => sum + p.durationS, 0);
  doc
    .font(bold)
    .fontSize(32)
    .text(t(input.title), MARGIN, pageH / 3, { width: pageW - 2 * MARGIN, align: 'center', height: 120, ellipsis: true });
  doc.moveDown(0.5);
  if (input.credits?.trim()) {
    doc.font(regular).fontSize(16).fillColor('#222');
    for (const line of input.credits.trim().split('\n')) doc.text(t(line), { width: pageW - 2 * MARGIN, align: 'center' });
    doc.moveDown(0.5);
  }
  doc.font(regular).fontSize(14).fillColor('#444');
  const facts = [`Storyboard · ${input.panels.length} shots · running time ${formatRunningTime(totalS)}`, input.date.toISOString().slice(0, 10)];
  for (const line of facts) doc.text(t(line), { width: pageW - 2 * MARGIN, align: 'center' });

  const layout = storyboardLayout(input.aspectRatio);
  const [rw, rh] = input.aspectRatio.split(':').map(Number) as [number, number];
  const cellW = (pageW - 2 * MARGIN - (layout.cols - 1) * GAP) / layout.cols;
  const cellH = (pageH - 2 * MARGIN - HEADER - (layout.rows - 1) * GAP) / layout.rows;
  const frameW = Math.min(cellW, ((cellH - TEXT_BLOCK) * rw) / rh);
  const frameH = (frameW * rh) / rw;

  input.panels.forEach((panel, i) => {
    const slot = i % layout.perPage;
    if (slot === 0) {
      doc.addPage();
      const page = Math.floor(i / layout.perPage) + 1;
      doc
        .font(bold)
        .fontSize(11)
        .fillColor('#000')
        .text(t(input.title), MARGIN, MARGIN, { width: pageW / 2, height: 14, ellipsis: true, lineBreak: false });
      doc
        .font(regular)
        .fontSize(9)
        .fillColor('#666')
        .text(`${page} / ${pages}`, pageW / 2, MARGIN + 2, { width: pageW / 2 - MARGIN, align: 'right', lineBreak: false });
    }
    const x = MARGIN + (slot % layout.cols) * (cellW + GAP);
    const y = MARGIN + HEADER + Math.floor(slot / layout.cols) * (cellH + GAP);
    drawFrame(doc, panel, x, y, frameW, frameH, t, bold);
    let ty = y + frameH + 5;
    const line = (text: string, font: string, size: number, color: string, lines: number) => {
      if (!text.trim()) return;
      doc.font(font).fontSize(size).fillColor(color);
      const height = size * 1.2 * lines;
      doc.text(t(text), x, ty, { width: frameW, height, ellipsis: true });
      ty += Math.min(height, doc.heightOfString(t(text), { width: frameW })) + 2;
    };
    line(`${panel.label}   ${panel.durationS.toFixed(1)} s`, bold, 10, '#000', 1);
    line([panel.camera, panel.tool].filter(Boolean).join(' · '), regular, 8, '#555', 1);
    line(panel.action, regular, 8.5, '#000', 3);
    line(panel.dialogue && `“${panel.dialogue}”`, regular, 8.5, '#333', 2);
  });
  doc.end();
  return done;
}

function drawFrame(doc: PDFKit.PDFDocument, panel: StoryboardPanel, x: number, y: number, w: number, h: number, t: (s: string) => string, bold: string): void {
  let drawn = false;
  if (panel.image) {
    try {
      doc.save().rect(x, y, w, h).fill('#000').restore();
      doc.image(panel.image, x, y, { fit: [w, h], align: 'center', valign: 'center' });
      drawn = true;
    } catch {
      // An unreadable frame gets the card below rather than failing the whole storyboard.
    }
  }
  if (!drawn) {
    doc.save().rect(x, y, w, h).fill('#d9d9d9').restore();
    doc
      .font(bold)
      .fontSize(20)
      .fillColor('#777')
      .text(t(panel.label), x, y + h / 2 - 12, { width: w, align: 'center', lineBreak: false });
  }
  doc.rect(x, y, w, h).lineWidth(0.5).strokeColor('#000').stroke();
}
