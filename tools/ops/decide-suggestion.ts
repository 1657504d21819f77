import { z } from 'zod';
import { AppError } from '../core/app-error.ts';
import { defineTool } from '../core/tool.ts';
import { SuggestionSchema } from '../documents/suggestion-view.ts';
import { appendAudit } from '../storage/audit-log.ts';
import { decideSuggestion, findSuggestion } from '../storage/suggestions-table.ts';

export const decideSuggestionTool = defineTool({
  name: 'decide_suggestion',
  description:
    "Accept or dismiss one of the exception resolver's suggested corrections. Accepting does not change the document yet: when a person approves the review task, the accepted value goes in as their correction (unless they give a value of their own for that field). A dismissed suggestion never applies.",
  input: z.object({
    id: z.uuid().describe('Suggestion id, from get_document.'),
    decision: z.enum(['accept', 'dismiss']),
  }),
  output: SuggestionSchema,
  role: 'reviewer',
  isReadOnly: false,
  isDestructive: false,
  async run({ id, decision }, ctx) {
    return ctx.db.transaction(async (tx) => {
      const decided = await decideSuggestion(tx, {
        id,
        status: decision === 'accept' ? 'accepted' : 'dismissed',
        decidedBy: ctx.actor.name,
      });
      if (!decided) {
        const found = await findSuggestion(tx, id);
        if (!found) throw new AppError('NOT_FOUND', `No suggestion with id ${id}.`);
        throw new AppError('CONFLICT', `Suggestion ${id} was already ${found.status} by ${found.decidedBy}.`);
      }
      await appendAudit(tx, {
        actor: ctx.actor,
        action: decision === 'accept' ? 'suggestion.accepted' : 'suggestion.dismissed',
        documentId: decided.documentId,
        details: {
          suggestionId: id,
          taskId: decided.taskId,
          field: decided.field,
          value: decided.value ?? null,
        },
      });
      return decided;
    });
  },
});
