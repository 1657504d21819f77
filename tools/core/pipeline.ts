/** What the operations need of the workflow engine: hand a document to a stage, count its jobs. BullMQ implements it. */
/** `resolve` runs the exception resolver on a document in review, beside the flow: nothing waits for it. */
/** `batch` submits and polls Message Batches for bulk documents: its jobs work on every waiting document. */
export const STAGES = ['parse', 'extract', 'batch', 'export', 'resolve'] as const;
export type Stage = (typeof STAGES)[number];

/** Jobs of one stage by state. */
export type StageCounts = {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  completed: number;
};

export type Pipeline = {
  enqueue(stage: Stage, documentId: string): Promise<void>;
  stats(): Promise<Record<Stage, StageCounts>>;
  /**
   * Makes sure a batch job runs in about `delayMs` (or sooner, when one is already due): called when a bulk
   * document's request is recorded, and by the batch job itself while batches are in flight.
   */
  scheduleBatch(delayMs: number): Promise<void>;
};
