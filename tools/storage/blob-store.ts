import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, type ReadStream } from 'node:fs';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../core/app-error.ts';

/** Content-addressed blobs: the same bytes are stored once, under their SHA-256. */
export type BlobStore = {
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Promise<Buffer>;
  stream(sha256: string): ReadStream;
  has(sha256: string): Promise<boolean>;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function createBlobStore(root: string): BlobStore {
  const pathOf = (sha256: string) => {
    // The hash is the only path component that comes from outside; refuse anything else.
    if (!SHA256_HEX.test(sha256)) throw new AppError('BAD_REQUEST', 'Not a SHA-256 blob id.');
    return path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const has = async (sha256: string) =>
    access(pathOf(sha256)).then(
      () => true,
      () => false,
    );
  return {
    has,
    async put(bytes) {
      const sha256 = sha256Hex(bytes);
      if (await has(sha256)) return sha256;
      const target = pathOf(sha256);
      await mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a reader never sees half a blob and a crash leaves only a temp file.
      const temp = `${target}.${randomUUID()}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, target);
      return sha256;
    },
    async get(sha256) {
      try {
        return await readFile(pathOf(sha256));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
          throw new AppError('NOT_FOUND', `Blob ${sha256} is missing from the store.`, {
            kind: 'system',
            cause: error,
          });
        }
        throw error;
      }
    },
    stream: (sha256) => createReadStream(pathOf(sha256)),
  };
}
