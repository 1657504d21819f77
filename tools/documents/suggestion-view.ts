import { z } from 'zod';

/** A correction the exception resolver proposed, as get_document and explain_field show it. */
export const SuggestionSchema = z.object({
  id: z.string(),
  taskId: z.string(),
  documentId: z.string(),
  field: z.string(),
  value: z.unknown().describe("The proposed value, in the field's format."),
  rationale: z.string().describe('One line: the evidence for the value.'),
  status: z
    .enum(['pending', 'accepted', 'dismissed'])
    .describe('accepted: to be applied as a correction when a person approves the document.'),
  runId: z.string().nullable().describe('The agent run that proposed it, with its transcript.'),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type SuggestionView = z.infer<typeof SuggestionSchema>;
