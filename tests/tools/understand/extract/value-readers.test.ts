import { describe, expect, it } from 'vitest';
import type { Word } from '../../../../tools/documents/page.ts';
import { readName } from '../../../../tools/understand/extract/value-readers.ts';
import type { LabelMatch } from '../../../../tools/understand/layout/find-label.ts';

/** A label at x 0.5 and the value words right of it on the same line. */
function readWithQuality(value: string) {
  const label: Word = { text: 'Advertiser', bbox: [0.5, 0.1, 0.6, 0.12], confidence: 1 };
  const words = value.split(' ').map(
    (text, i): Word => ({
      text,
      bbox: [0.62 + i * 0.05, 0.1, 0.66 + i * 0.05, 0.12],
      confidence: 1,
    }),
  );
  const match = { words: [label], line: { words: [label, ...words] } } as unknown as LabelMatch;
  return readName(words, match);
}

function read(value: string) {
  return readWithQuality(value)?.value;
}

describe('readName', () => {
  it.each([
    ['Mike Bloomberg 2020 Inc-D (133903)', 'Mike Bloomberg 2020 Inc-D (133903)'],
    ['Bernie 2020 Inc (33287)', 'Bernie 2020 Inc (33287)'],
    ['Friends of Jeff Sessions Senate Co(134550', 'Friends of Jeff Sessions Senate Co'],
    ['Kennedy for Massachusetts Senate-D(136462)', 'Kennedy for Massachusetts Senate-D'],
    ['POL/Amy Klobuchar/President/US/Dem | |', 'POL/Amy Klobuchar/President/US/Dem'],
    ['POL/Michael Bloomberg/President/US/Dem | 02/13/20', 'POL/Michael Bloomberg/President/US/Dem'],
    ['America First Action Inc.', 'America First Action Inc.'],
  ])('reads %j as %j', (printed, expected) => {
    expect(read(printed)).toBe(expected);
  });

  it('takes a name of fewer than four letters with less confidence: OCR debris looks like that', () => {
    expect(readWithQuality('iE')).toMatchObject({ value: 'iE', quality: 0.6 });
    expect(readWithQuality('3M')?.quality).toBe(0.6);
    expect(readWithQuality('Maria Nguyen')?.quality).toBe(1);
    expect(readWithQuality('IBM (1234)')?.quality).toBe(0.6);
    expect(readWithQuality('Acme (1234)')?.quality).toBe(1);
  });

  it.each([
    'and Agency, jointly and severally, represent, warrant, and',
    'if actual program ratings exceed the estimated amount.',
    'in advance.',
    'Agency',
    'Advertiser Code',
    '12345',
  ])('rejects %j', (printed) => {
    expect(read(printed)).toBeUndefined();
  });
});
