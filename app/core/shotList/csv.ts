// A small RFC 4180 reader. Hand-written because the CLI needs one thing no dependency gives
// cheaply: the physical line each record starts on, so every error can name it.
import { UserError } from '../errors';

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted newline makes records span lines). */
  line: number;
  fields: string[];
}

const FIX = 'wrap the whole field in double quotes and double any quote inside it ("")';

/**
 * Quoted fields may hold commas, doubled quotes and newlines; CRLF and LF both end records; a
 * leading BOM is dropped; blank lines are skipped. Spaces around a quoted field are allowed,
 * since hand-written files have them; any other text next to a quote is refused.
 */
export function parseCsv(text: string): CsvRecord[] {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let sawQuote = false;
  let line = 1;
  let start = 1;

  const endRecord = () => {
    fields.push(field);
    const blank = fields.length === 1 && !sawQuote && field.trim() === '';
    if (!blank) records.push({ line: start, fields });
    fields = [];
    field = '';
    sawQuote = false;
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"') {
      if (field.trim() !== '') throw new UserError(`line ${line}: a quote inside an unquoted field; ${FIX}`);
      const opened = line;
      field = '';
      sawQuote = true;
      i++;
      for (;;) {
        if (i >= src.length) throw new UserError(`line ${opened}: a quoted field is never closed; add the closing double quote`);
        const q = src[i]!;
        if (q === '"') {
          i++;
          if (src[i] !== '"') break;
          field += '"';
        } else {
          if (q === '\n') line++;
          // A quoted CRLF is one line break in the cell, as a spreadsheet shows it.
          if (!(q === '\r' && src[i + 1] === '\n')) field += q;
        }
        i++;
      }
      while (src[i] === ' ' || src[i] === '\t') i++;
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
        throw new UserError(`line ${line}: text after a closing quote; ${FIX}`);
      }
    } else if (c === ',') {
      fields.push(field);
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') {
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      endRecord();
      line++;
      start = line;
    } else {
      field += c;
      i++;
    }
  }
  if (fields.length > 0 || field !== '' || sawQuote) endRecord();
  return records;
}
