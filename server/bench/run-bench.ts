/**
 * `npm run bench`: pipeline throughput and latency over HTTP, in-process extraction cost per page, and the
 * raw engines (pdfjs text, tesseract.js recognition) on the same inputs, so the pipeline's overhead is a ratio.
 * Writes bench/results/bench-<time>.json and prints a table.
 */

import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import Tesseract from 'tesseract.js';
import { makeInvoicePdf, SAMPLE_INVOICE } from '../../evals/synth/make-invoice-pdf.ts';
import { renderPdfPageToPng } from '../../evals/synth/rasterize-pdf.ts';
import { parseConfig } from '../../tools/core/config.ts';
import { type DocumentStatus, isSettled } from '../../tools/documents/document-status.ts';
import { extractFile } from '../../tools/ops/extract-document.ts';
import { createOcrPool, resolveLanguageDir } from '../../tools/read/ocr-pool.ts';
import { readLimitsFromConfig } from '../../tools/read/read-limits.ts';
import { routingPolicyOf } from '../../tools/review/route-document.ts';
import { startServer } from '../cli/serve-command.ts';
import { formatTable, mean, percentile, timeEach } from './measure.ts';

const PIPELINE_DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 40);
const TEXT_REPEATS = 20;
const OCR_REPEATS = 3;

async function main() {
  const invoices = await Promise.all(
    Array.from({ length: PIPELINE_DOCUMENTS }, (_, i) =>
      makeInvoicePdf({ ...SAMPLE_INVOICE, invoiceNumber: `BENCH-${i + 1}` }),
    ),
  );
  const textPdf = invoices[0]!;
  const scanPng = await renderPdfPageToPng(textPdf, 300);

  const pipeline = await benchPipeline(invoices);
  const config = parseConfig({ LOG_LEVEL: 'silent' });
  const limits = readLimitsFromConfig(config);
  const ocr = createOcrPool({ size: 1 });
  const policy = routingPolicyOf(config);
  await extractFile({ filename: 'warm.png', content: scanPng }, { ocr, limits, policy }); // start the engine
  const extractText = await timeEach(TEXT_REPEATS, () =>
    extractFile({ filename: 'bench.pdf', content: textPdf }, { ocr, limits, policy }),
  );
  const extractOcr = await timeEach(OCR_REPEATS, () =>
    extractFile({ filename: 'bench.png', content: scanPng }, { ocr, limits, policy }),
  );
  await ocr.close();
  const rawPdfjs = await timeEach(TEXT_REPEATS, () => rawPdfjsText(textPdf));
  const rawTesseract = await benchRawTesseract(scanPng);

  const results = {
    at: new Date().toISOString(),
    machine: { cpus: os.availableParallelism(), node: process.version },
    pipeline,
    perPage: {
      extractTextMs: mean(extractText),
      rawPdfjsMs: mean(rawPdfjs),
      textOverhead: mean(extractText) / mean(rawPdfjs),
      extractOcrMs: mean(extractOcr),
      rawTesseractMs: mean(rawTesseract),
      ocrOverhead: mean(extractOcr) / mean(rawTesseract),
    },
  };
  const dir = path.resolve('bench/results');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `bench-${results.at.replace(/[:.]/g, '-')}.json`);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(
    `${formatTable([
      {
        measure: `pipeline over HTTP (${PIPELINE_DOCUMENTS} born-digital invoices)`,
        value: pipeline.throughputPerSecond,
        unit: 'docs/s',
      },
      { measure: 'pipeline latency p50 (upload → settled)', value: pipeline.latencyP50Ms, unit: 'ms' },
      { measure: 'pipeline latency p95', value: pipeline.latencyP95Ms, unit: 'ms' },
      { measure: 'extract, text page (in process)', value: results.perPage.extractTextMs, unit: 'ms/page' },
      { measure: 'raw pdfjs text, same page', value: results.perPage.rawPdfjsMs, unit: 'ms/page' },
      { measure: 'extract ÷ raw pdfjs', value: results.perPage.textOverhead, unit: '×' },
      { measure: 'extract, OCR page (in process)', value: results.perPage.extractOcrMs, unit: 'ms/page' },
      { measure: 'raw tesseract.js, same image', value: results.perPage.rawTesseractMs, unit: 'ms/page' },
      { measure: 'extract ÷ raw tesseract', value: results.perPage.ocrOverhead, unit: '×' },
    ])}\n\nwritten to ${path.relative(process.cwd(), file)}\n`,
  );
}

async function benchPipeline(invoices: Uint8Array[]) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'paperwork-bench-'));
  const config = parseConfig({
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    QUEUE_PREFIX: `bench${Date.now()}`,
    DATABASE_SCHEMA: `bench_${Date.now()}`,
    LOG_LEVEL: 'silent',
  });
  const server = await startServer(config);
  try {
    const token = (await readFile(path.join(dataDir, 'admin.token'), 'utf8')).trim();
    const headers = { authorization: `Bearer ${token}` };
    const started = performance.now();
    const latencies = await Promise.all(
      invoices.map(async (content, i) => {
        const uploadAt = performance.now();
        const form = new FormData();
        form.append('file', new Blob([Buffer.from(content)]), `bench-${i}.pdf`);
        const answer = (await (
          await fetch(`${server.url}/api/documents`, { method: 'POST', body: form, headers })
        ).json()) as {
          documents: Array<{ id: string }>;
        };
        const id = answer.documents[0]!.id;
        for (;;) {
          const view = (await (await fetch(`${server.url}/api/documents/${id}`, { headers })).json()) as {
            status: DocumentStatus;
          };
          if (isSettled(view.status)) return performance.now() - uploadAt;
          // Polling is part of the load on the server, so it is what a client does: `paperwork ingest` polls
          // every 500 ms. (At 100 ms, 40 pollers kept embedded PGlite busy enough to halve the throughput.)
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }),
    );
    const elapsedMs = performance.now() - started;
    return {
      documents: invoices.length,
      elapsedMs,
      throughputPerSecond: invoices.length / (elapsedMs / 1000),
      latencyP50Ms: percentile(latencies, 50),
      latencyP95Ms: percentile(latencies, 95),
    };
  } finally {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function rawPdfjsText(pdfBytes: Uint8Array) {
  const pdf = await getDocument({ data: new Uint8Array(pdfBytes), verbosity: 0 }).promise;
  await (await pdf.getPage(1)).getTextContent();
  await pdf.destroy();
}

async function benchRawTesseract(png: Uint8Array): Promise<number[]> {
  // The same model the pool loads, without the pool's passes and re-reads.
  const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
    langPath: resolveLanguageDir(),
    gzip: true,
    cacheMethod: 'none',
  });
  try {
    return await timeEach(OCR_REPEATS, () => worker.recognize(Buffer.from(png)));
  } finally {
    await worker.terminate();
  }
}

await main();
