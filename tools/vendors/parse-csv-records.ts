/** One CSV record with the 1-based line it starts on (a quoted field may span lines). */
export type CsvRecord = { line: number; fields: string[] };
export type CsvError = { line: number; message: string };

/**
 * An RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double quotes may hold
 * commas, line breaks and doubled quotes (""). Lenient where spreadsheets are: a quote inside an unquoted
 * field is kept as text, blank lines are skipped, a leading byte-order mark is dropped. A record with text
 * after a closing quote is an error and is left out; an unterminated quote ends the file with an error.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; errors: CsvError[] } {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const errors: CsvError[] = [];
  let line = 1;
  let i = 0;
  while (i < input.length) {
    const start = line;
    const isQuotedStart = input[i] === '"';
    const fields: string[] = [];
    let problem: string | undefined;
    for (;;) {
      let field = '';
      if (input[i] === '"') {
        const quoteLine = line;
        i++;
        for (;;) {
          if (i >= input.length) {
            errors.push({ line: quoteLine, message: 'a quoted field is never closed' });
            return { records, errors };
          }
          const ch = input[i]!;
          if (ch === '"' && input[i + 1] === '"') {
            field += '"';
            i += 2;
          } else if (ch === '"') {
            i++;
            break;
          } else {
            if (ch === '\n') line++;
            field += ch;
            i++;
          }
        }
        if (i < input.length && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r') {
          problem ??= 'text after a closing quote; quote the whole field and double any quotes inside it';
          while (i < input.length && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r') i++;
        }
      } else {
        while (i < input.length && input[i] !== ',' && input[i] !== '\n' && input[i] !== '\r')
          field += input[i++];
      }
      fields.push(field);
      if (input[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // End of record: CRLF, LF, a lone CR, or the end of the text.
    if (input[i] === '\r') i++;
    if (input[i] === '\n') i++;
    line++;
    if (problem) errors.push({ line: start, message: problem });
    else if (isQuotedStart || fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
  }
  return { records, errors };
}
