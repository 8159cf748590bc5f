// The storyboard PDF: a cover page, then the panels scene by scene, each scene under its heading,
// every panel with its frame, label, action, dialogue and shot-list fields. Where things go is
// storyboardLayout.ts; this draws them. Page numbers count every page, the cover included.
import { loadPdfKit } from '../../media/lazyLibs';
import type { PanelsPerPage, PaperSize } from '../../../../shared/domain/storyboard';
import { formatRunningTime } from '../../../../shared/domain/timecode';
import { plural } from '../../../../shared/domain/words';
import type { AspectRatio } from '../../../../shared/domain/types';
import { automaticLayout, MARGIN, pageGeometry, paginate, storyboardLayout, type Box } from './storyboardLayout';

export interface StoryboardField {
  label: string;
  value: string;
}

export interface StoryboardPanel {
  label: string;
  action: string;
  dialogue: string;
  /** Shot-list columns printed under the action and dialogue, in this order; empty values are left out. */
  fields: StoryboardField[];
  /** PNG or JPEG (a file or its bytes): the take's frame or a still; null draws a card with the label. */
  image: string | Buffer | null;
}

export interface StoryboardScene {
  /** "SCENE 2 — INT. DINER – NIGHT". */
  heading: string;
  panels: StoryboardPanel[];
}

export interface StoryboardInput {
  title: string;
  /** Lines under the title on the cover ("Written by", "Ana Ruiz"); none when absent or ''. */
  credits?: string;
  aspectRatio: AspectRatio;
  scenes: StoryboardScene[];
  /** The cut's length, for the cover. */
  runningTimeS: number;
  date: Date;
  paper?: PaperSize;
  /** Panels a page; absent: the automatic landscape layout the Resolve export has always used. */
  perPage?: PanelsPerPage;
  /** TrueType fonts for text beyond Latin-1; without them the PDF's built-in Helvetica is used. */
  fonts?: { regular: string; bold: string };
}

export interface StoryboardPdf {
  pdf: Buffer;
  /** Pages of the file, the cover included. */
  pages: number;
}

/** Helvetica speaks WinAnsi only: other characters would print as garbage, so they become "?". */
const latin1 = (text: string) => text.replace(/[^\x20-\x7e\xa0-\xff‘’“”–—…€•\n]/g, '?');

/** The document with the fonts chosen once: what every drawing function needs. */
interface Pen {
  doc: PDFKit.PDFDocument;
  regular: string;
  bold: string;
  /** Text made printable in the chosen fonts. */
  t: (text: string) => string;
}

export async function writeStoryboardPdf(input: StoryboardInput): Promise<StoryboardPdf> {
  const paper = input.paper ?? 'A4';
  const layout = input.perPage ? storyboardLayout(input.aspectRatio, input.perPage, paper) : automaticLayout(input.aspectRatio);
  const geo = pageGeometry(layout, input.aspectRatio, paper);
  const PDFDocument = await loadPdfKit();
  // Pages stay buffered so that, once all are drawn, each gets "n / total" over the real count.
  const doc = new PDFDocument({
    size: paper,
    layout: layout.orientation,
    margin: MARGIN,
    autoFirstPage: false,
    bufferPages: true,
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
  const pen: Pen = { doc, regular: fonts ? 'regular' : 'Helvetica', bold: fonts ? 'bold' : 'Helvetica-Bold', t: fonts ? (text) => text : latin1 };

  drawCover(pen, input);
  for (const page of paginate(input.scenes, layout)) {
    doc.addPage();
    doc
      .font(pen.bold)
      .fontSize(11)
      .fillColor('#000')
      .text(pen.t(input.title), MARGIN, MARGIN, { width: geo.width / 2, height: 14, ellipsis: true, lineBreak: false });
    page.forEach((row, r) => {
      // A page that opens mid-scene repeats the heading, so a page read alone says where it is.
      const heading = input.scenes[row.scene]!.heading;
      if (row.first || r === 0) drawHeading(pen, row.first ? heading : `${heading} (continued)`, !row.first, geo.heading(r));
      row.panels.forEach((panel, c) => {
        drawFrame(pen, panel, geo.frame(r, c));
        drawWords(pen, panel, geo.text(r, c));
      });
    });
  }

  const pages = doc.bufferedPageRange().count;
  for (let i = 0; i < pages; i++) {
    doc.switchToPage(i);
    doc
      .font(pen.regular)
      .fontSize(9)
      .fillColor('#666')
      .text(`${i + 1} / ${pages}`, geo.width / 2, MARGIN + 2, { width: geo.width / 2 - MARGIN, align: 'right', lineBreak: false });
  }
  doc.end();
  return { pdf: await done, pages };
}

function drawCover({ doc, regular, bold, t }: Pen, input: StoryboardInput): void {
  doc.addPage();
  const { width, height } = doc.page;
  const shots = input.scenes.reduce((n, s) => n + s.panels.length, 0);
  const scenes = input.scenes.filter((s) => s.panels.length > 0).length;
  doc
    .font(bold)
    .fontSize(32)
    .fillColor('#000')
    .text(t(input.title), MARGIN, height / 3, { width: width - 2 * MARGIN, align: 'center', height: 120, ellipsis: true });
  doc.moveDown(0.5);
  if (input.credits?.trim()) {
    doc.font(regular).fontSize(16).fillColor('#222');
    for (const line of input.credits.trim().split('\n')) doc.text(t(line), { width: width - 2 * MARGIN, align: 'center' });
    doc.moveDown(0.5);
  }
  doc.font(regular).fontSize(14).fillColor('#444');
  const facts = [
    `Storyboard · ${plural(scenes, 'scene')} · ${plural(shots, 'shot')} · running time ${formatRunningTime(input.runningTimeS)}`,
    input.date.toISOString().slice(0, 10),
  ];
  for (const line of facts) doc.text(t(line), { width: width - 2 * MARGIN, align: 'center' });
}

function drawHeading({ doc, bold, t }: Pen, text: string, continued: boolean, box: Box): void {
  doc
    .font(bold)
    .fontSize(10)
    .fillColor(continued ? '#777' : '#000')
    .text(t(text), box.x, box.y + 1, { width: box.w, height: box.h, ellipsis: true });
  doc
    .moveTo(box.x, box.y + box.h - 2)
    .lineTo(box.x + box.w, box.y + box.h - 2)
    .lineWidth(0.5)
    .strokeColor(continued ? '#bbb' : '#000')
    .stroke();
}

function drawFrame({ doc, bold, t }: Pen, panel: StoryboardPanel, { x, y, w, h }: Box): void {
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

const FIELD_SIZE = 8;
const FIELD_MIN_W = 105;
const FIELD_GAP = 8;

/**
 * Label, action, dialogue, then the fields as a grid of "LABEL value" cells. The fields get their
 * room first (they are short and what a crew looks up); action and dialogue share the rest, the
 * action first, each cut with "…" where it runs out.
 */
function drawWords(pen: Pen, panel: StoryboardPanel, box: Box): void {
  const { doc, regular, bold, t } = pen;
  const labelH = lineHeight(doc, bold, 10);
  const fieldLine = lineHeight(doc, regular, FIELD_SIZE);
  const withValue = panel.fields.filter((f) => f.value.trim());
  const fieldCols = Math.max(1, Math.min(withValue.length, Math.floor((box.w + FIELD_GAP) / (FIELD_MIN_W + FIELD_GAP))));
  // More fields than the panel has room for lose the last ones rather than spill out of it.
  const fields = withValue.slice(0, fieldCols * Math.floor((box.h - labelH - 5) / fieldLine));
  const fieldsH = Math.ceil(fields.length / fieldCols) * fieldLine;

  let y = box.y;
  doc.font(bold).fontSize(10).fillColor('#000').text(t(panel.label), box.x, y, { width: box.w, height: labelH, ellipsis: true });
  y += labelH + 2;

  let room = box.y + box.h - y - (fields.length ? fieldsH + 3 : 0);
  const block = (text: string, color: string, reserve: number) => {
    if (!text.trim()) return;
    doc.font(regular).fontSize(8.5).fillColor(color);
    const line = doc.currentLineHeight(true);
    const lines = Math.floor((Math.min(doc.heightOfString(t(text), { width: box.w }), room - reserve) + 0.5) / line);
    if (lines < 1) return;
    doc.text(t(text), box.x, y, { width: box.w, height: lines * line + 0.5, ellipsis: true });
    y += lines * line + 2;
    room -= lines * line + 2;
  };
  const dialogue = panel.dialogue.trim() && `“${panel.dialogue.trim()}”`;
  // The action leaves the dialogue two lines when it has some.
  block(panel.action, '#000', dialogue ? Math.min(2 * lineHeight(doc, regular, 8.5), room / 2) : 0);
  block(dialogue, '#333', 0);

  const colW = (box.w - (fieldCols - 1) * FIELD_GAP) / fieldCols;
  y += 1;
  fields.forEach((field, i) => {
    const fx = box.x + (i % fieldCols) * (colW + FIELD_GAP);
    const fy = y + Math.floor(i / fieldCols) * fieldLine;
    const label = t(field.label.toUpperCase());
    doc.font(regular).fontSize(6.5).fillColor('#777');
    const labelW = Math.min(colW / 2, doc.widthOfString(label) + 3);
    doc.text(label, fx, fy + 1.2, { width: labelW, height: fieldLine, ellipsis: true });
    doc
      .font(regular)
      .fontSize(FIELD_SIZE)
      .fillColor('#000')
      .text(t(field.value), fx + labelW, fy, { width: colW - labelW, height: fieldLine, ellipsis: true });
  });
}

function lineHeight(doc: PDFKit.PDFDocument, font: string, size: number): number {
  return doc.font(font).fontSize(size).currentLineHeight(true);
}
