/** A one-line progress bar on a terminal; plain lines when the output is not one (CI logs, pipes). */
export function createProgressBar(total: number, out: NodeJS.WriteStream) {
  const width = 30;
  let last = '';
  return {
    /** `newTotal` is for work whose size is learnt once it has started. */
    update(done: number, label: string, newTotal?: number) {
      if (newTotal !== undefined) total = newTotal;
      const filled = total === 0 ? width : Math.round((Math.min(done, total) / total) * width);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${label}`;
      if (line === last) return;
      last = line;
      out.write(out.isTTY ? `\r${line}\x1b[K` : `${line}\n`);
    },
    done() {
      if (out.isTTY) out.write('\n');
    },
  };
}
