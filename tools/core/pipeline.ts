/** What the operations need of the workflow engine: hand a document to a stage, count its jobs. BullMQ implements it. */
/** `resolve` runs the exception resolver on a document in review, beside the flow: nothing waits for it. */
export const STAGES = ['parse', 'extract', 'export', 'resolve'] as const;
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
};
