import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import Tesseract from 'tesseract.js';
import { AppError } from '../core/app-error.ts';
import type { Word } from '../documents/page.ts';
import { readPngSize } from './png-size.ts';

/** What the engine saw on one image: its size in pixels and its words with fractional boxes. */
export type OcrResult = { width: number; height: number; words: Word[] };

/** A pool of OCR engines on worker threads, so recognition never blocks the event loop. */
export type OcrPool = {
  recognize(png: Uint8Array, signal?: AbortSignal, options?: RecognizeOptions): Promise<OcrResult>;
  readonly size: number;
  close(): Promise<void>;
};

/** Per-image settings; the engine restores the pool's own after the image. */
export type RecognizeOptions = {
  /** E.g. `SINGLE_LINE` for a crop of one printed line. Default: the pool's. */
  pageSegmentation?: Tesseract.PSM;
};

export type OcrPoolOptions = {
  /** Worker threads; each holds its own engine (~40 MB). Default: the cores. */
  size?: number;
  /** Tesseract page segmentation mode; see OCR_PAGE_SEGMENTATION for why the default. */
  pageSegmentation?: Tesseract.PSM;
};

/**
 * Automatic layout analysis (PSM 3). On SROIE receipts it read as well as sparse text (11), single
 * column (4) or single block (6), within noise, was the fastest, and it also suits multi-column
 * invoices. Numbers in tools/read/README.md.
 */
export const OCR_PAGE_SEGMENTATION = Tesseract.PSM.AUTO;

/**
 * The LSTM "best_int" English model ships in the npm package, so nothing is fetched at run time;
 * it is the model tesseract.js itself would download for the LSTM engine.
 */
export function resolveLanguageDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}

/**
 * `crashed` rejects when any engine thread dies or `fail` is called, so jobs fail instead of
 * waiting forever on a dead thread.
 */
type Engine = {
  scheduler: Tesseract.Scheduler;
  workers: Tesseract.Worker[];
  crashed: Promise<never>;
  fail(detail: unknown): void;
};

/** tesseract.js keeps the thread on the worker object without typing it. */
function threadOf(worker: Tesseract.Worker): NodeWorkerThread | undefined {
  return (worker as unknown as { worker?: NodeWorkerThread }).worker;
}
type NodeWorkerThread = { on(event: 'error' | 'exit', listener: (detail: unknown) => void): void };

export function createOcrPool(options: OcrPoolOptions = {}): OcrPool {
  const size = Math.max(1, options.size ?? os.availableParallelism());
  const pageSegmentation = options.pageSegmentation ?? OCR_PAGE_SEGMENTATION;
  // Started on first use: the CLI and tests that never OCR do not pay for loading the engines.
  let engine: Promise<Engine> | undefined;
  // Counts engine starts, so a failing old engine never drops its replacement.
  let generation = 0;
  let isClosed = false;

  async function startWorker(): Promise<Tesseract.Worker> {
    const worker = await Tesseract.createWorker('eng', Tesseract.OEM.LSTM_ONLY, {
      langPath: resolveLanguageDir(),
      gzip: true,
      // No cache: the model is read from node_modules and never copied into the working directory.
      cacheMethod: 'none',
      // Failed jobs already reject their promise; without a handler tesseract.js rethrows the
      // failure inside its message listener, where it would crash the process.
      errorHandler: () => {},
    });
    await worker.setParameters({
      tessedit_pageseg_mode: pageSegmentation,
      // Keeps column gaps as runs of spaces in the text; boxes are what we use, but it also stops
      // tesseract from merging words across wide gaps in tables.
      preserve_interword_spaces: '1',
      // Pages are rendered or upscaled to about 300 dpi; saying so avoids a noisy resolution guess.
      user_defined_dpi: '300',
      // Tesseract's diagnostics ("Detected 168 diacritics") would otherwise fill the server's stderr.
      debug_file: '/dev/null',
    });
    return worker;
  }

  async function start(): Promise<Engine> {
    const startedGeneration = ++generation;
    const workers = await Promise.all(Array.from({ length: size }, () => startWorker()));
    const scheduler = Tesseract.createScheduler();
    for (const worker of workers) scheduler.addWorker(worker);
    let fail: (detail: unknown) => void = () => {};
    const crashed = new Promise<never>((_, reject) => {
      let isDown = false;
      fail = (detail: unknown) => {
        // Only the first failure counts: the exits of the threads we terminate below are expected.
        if (isClosed || isDown) return;
        isDown = true;
        reject(
          new AppError('INTERNAL', 'The OCR engine stopped unexpectedly.', { kind: 'system', cause: detail }),
        );
        // Drop the whole engine: the next page starts fresh threads instead of queueing on a dead one.
        if (generation === startedGeneration) engine = undefined;
        for (const worker of workers) void worker.terminate();
      };
    });
    for (const worker of workers) {
      // Listening to 'error' also keeps a thread's crash from becoming an uncaught exception here.
      threadOf(worker)?.on('error', (detail) => fail(detail));
      threadOf(worker)?.on('exit', (detail) => fail(detail));
    }
    crashed.catch(() => {});
    return { scheduler, workers, crashed, fail: (detail) => fail(detail) };
  }

  function getEngine(): Promise<Engine> {
    if (!engine) {
      engine = start().catch((error: unknown) => {
        // Forget the failed start so the next page tries again (the job is retryable).
        engine = undefined;
        throw new AppError('INTERNAL', 'The OCR engine could not start.', { kind: 'system', cause: error });
      });
    }
    return engine;
  }

  async function recognize(
    png: Uint8Array,
    signal?: AbortSignal,
    options: RecognizeOptions = {},
  ): Promise<OcrResult> {
    if (isClosed) throw new AppError('INTERNAL', 'The OCR pool is closed.', { kind: 'system' });
    signal?.throwIfAborted();
    const { width, height } = readPngSize(png);
    const current = await getEngine();
    signal?.throwIfAborted();
    const job = current.scheduler
      .addJob(
        'recognize',
        Buffer.from(png.buffer, png.byteOffset, png.byteLength),
        engineParameters(options),
        { blocks: true, text: false },
      )
      .catch((error: unknown) => {
        // After an internal error (a WebAssembly abort, out of memory) an engine's state is not
        // trustworthy, so the pool restarts; the page fails with a retryable error. The restart
        // waits a tick so that this page reports its own error rather than the restart's.
        queueMicrotask(() => current.fail(error));
        throw new AppError('INTERNAL', `The OCR engine failed on a page: ${String(error)}`, {
          kind: 'system',
          cause: error,
        });
      });
    const result = await raceAbort(Promise.race([job, current.crashed]), signal);
    return { width, height, words: toWords(result.data, width, height) };
  }

  async function close(): Promise<void> {
    isClosed = true;
    const started = engine;
    engine = undefined;
    if (!started) return;
    const { workers } = await started.catch(() => ({ workers: [] as Tesseract.Worker[] }));
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  return { recognize, size, close };
}

/**
 * tesseract.js passes job options it does not know to the engine as parameters for that image only
 * (saved and restored around it), so one pool serves page and single-line reads; its typings
 * do not say so.
 */
function engineParameters(options: RecognizeOptions): Partial<Tesseract.RecognizeOptions> {
  if (!options.pageSegmentation) return {};
  return { tessedit_pageseg_mode: options.pageSegmentation } as Partial<Tesseract.RecognizeOptions>;
}

/**
 * A running recognition cannot be interrupted inside the engine; an aborted caller stops waiting
 * and the engine finishes that one page in the background.
 */
function raceAbort<T>(job: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return job;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    job.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function toWords(page: Tesseract.Page, width: number, height: number): Word[] {
  const words: Word[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        for (const word of line.words) {
          const text = word.text.trim();
          if (text === '') continue;
          const { x0, y0, x1, y1 } = word.bbox;
          words.push({
            text,
            bbox: [clamp01(x0 / width), clamp01(y0 / height), clamp01(x1 / width), clamp01(y1 / height)],
            confidence: clamp01(word.confidence / 100),
          });
        }
      }
    }
  }
  return words;
}

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}
