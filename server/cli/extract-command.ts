import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { retryInProcess } from '../../tools/claude/retry-in-process.ts';
import { type EngineName, resolveEngine } from '../../tools/claude/select-engine.ts';
import { toAppError } from '../../tools/core/app-error.ts';
import type { Config } from '../../tools/core/config.ts';
import type { ExtractionResult } from '../../tools/documents/extraction-result.ts';
import type { DocType } from '../../tools/documents/types/index.ts';
import { extractFile } from '../../tools/ops/extract-document.ts';
import { createOcrPool } from '../../tools/read/ocr-pool.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../tools/review/route-document.ts';

/** `paperwork extract`: the understanding path in process, no Redis and no database. */
export async function extractCommand(
  files: string[],
  options: { type?: DocType; engine?: EngineName; json?: boolean },
  config: Config,
) {
  const engine = resolveEngine(config, options.engine);
  const ocr = createOcrPool({
    size: config.OCR_WORKERS ?? Math.min(os.availableParallelism(), files.length),
  });
  let failures = 0;
  try {
    for (const file of files) {
      try {
        const content = new Uint8Array(await readFile(file));
        const result = await retryInProcess(() =>
          extractFile(
            { filename: path.basename(file), content, docType: options.type },
            {
              ocr,
              limits: readLimitsFromConfig(config),
              policy: routingPolicyOf(config),
              engine: { config, engine },
            },
          ),
        );
        result.file = file;
        process.stdout.write(options.json ? `${JSON.stringify(result)}\n` : formatResult(result));
      } catch (caught) {
        failures++;
        const error = toAppError(caught);
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ file, error: { code: error.code, message: error.message } })}\n`,
          );
        } else {
          process.stderr.write(`${file}: ${error.code}: ${error.message}\n`);
        }
      }
    }
  } finally {
    await ocr.close();
  }
  if (failures > 0) process.exitCode = 1;
}

function formatResult(result: ExtractionResult): string {
  const lines = [
    `${result.file}: ${result.docType} (${result.docTypeConfidence.toFixed(2)}) → ${result.status}`,
    ...Object.entries(result.fields).map(([name, field]) => {
      const value = typeof field.value === 'string' ? field.value : JSON.stringify(field.value);
      return `  ${name.padEnd(16)} ${value.slice(0, 70).padEnd(40)} ${field.confidence.toFixed(2)}`;
    }),
  ];
  if (result.timings.llmRequests) {
    const cost = result.timings.llmCostUsd;
    lines.push(
      `  ${result.engine.name} ${result.engine.version}: ${result.timings.llmInputTokens} in / ${result.timings.llmOutputTokens} out tokens${cost === undefined ? '' : `, $${cost.toFixed(4)}`}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
