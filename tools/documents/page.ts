import { z } from 'zod';

/** `[x0, y0, x1, y1]` as fractions of the page's width and height, origin top-left. */
export const BboxSchema = z
  .tuple([
    z.number().min(0).max(1),
    z.number().min(0).max(1),
    z.number().min(0).max(1),
    z.number().min(0).max(1),
  ])
  .describe('[x0, y0, x1, y1] on the page as fractions of its width and height, origin top-left.');
export type Bbox = z.infer<typeof BboxSchema>;

export const WordSchema = z.object({
  text: z.string(),
  bbox: BboxSchema,
  confidence: z
    .number()
    .min(0)
    .max(1)
    .describe('1 for a PDF text layer; the OCR engine confidence otherwise.'),
});
export type Word = z.infer<typeof WordSchema>;

export const PAGE_SOURCES = ['text', 'ocr'] as const;
export type PageSource = (typeof PAGE_SOURCES)[number];

/** One page as read: its words with boxes, and where they came from. */
export const PageSchema = z.object({
  number: z.number().int().min(1),
  width: z.number().positive().describe('Width in points (PDF) or pixels (image).'),
  height: z.number().positive(),
  source: z.enum(PAGE_SOURCES),
  words: z.array(WordSchema),
});
export type Page = z.infer<typeof PageSchema>;
