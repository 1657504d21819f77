import { AppError } from '../core/app-error.ts';
import type { Config } from '../core/config.ts';
import type { ApprovedRecord } from './approved-record.ts';
import { writeFolderExport } from './folder-target.ts';
import { sendWebhook } from './webhook-target.ts';

export const EXPORT_TARGET_NAMES = ['folder', 'webhook'] as const;
export type ExportTargetName = (typeof EXPORT_TARGET_NAMES)[number];

/** One place an approved record goes. `deliver` throws an AppError whose kind says whether to retry. */
export type ExportTarget = {
  name: ExportTargetName;
  deliver(record: ApprovedRecord, delivery: { idempotencyKey: string; signal?: AbortSignal }): Promise<void>;
};

/** The targets the configuration turns on: the folder always, the webhook when WEBHOOK_URL is set. */
export function listExportTargets(
  config: Pick<Config, 'EXPORT_DIR' | 'WEBHOOK_URL' | 'WEBHOOK_SECRET' | 'WEBHOOK_ALLOWED_HOSTS'>,
): ExportTarget[] {
  const targets: ExportTarget[] = [
    {
      name: 'folder',
      deliver: async (record) => void (await writeFolderExport(config.EXPORT_DIR, record)),
    },
  ];
  const { WEBHOOK_URL: url, WEBHOOK_SECRET: secret } = config;
  if (url) {
    targets.push({
      name: 'webhook',
      deliver: async (record, { idempotencyKey, signal }) => {
        if (!secret) {
          throw new AppError('INTERNAL', 'WEBHOOK_SECRET is not set; webhooks are never sent unsigned.', {
            kind: 'user',
          });
        }
        await sendWebhook({
          url,
          secret,
          allowedHosts: config.WEBHOOK_ALLOWED_HOSTS,
          body: JSON.stringify(record),
          idempotencyKey,
          signal,
        });
      },
    });
  }
  return targets;
}
