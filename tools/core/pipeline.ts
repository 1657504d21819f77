/** What the operations need of the workflow engine: hand a document to a stage. BullMQ implements it. */
export const STAGES = ['parse', 'extract', 'export'] as const;
export type Stage = (typeof STAGES)[number];

export type Pipeline = {
  enqueue(stage: Stage, documentId: string): Promise<void>;
};
