/** A one-line progress bar on a terminal; plain lines when the output is not one (CI logs, pipes). */
export function createProgressBar(total: number, out: NodeJS.WriteStream) {
  const width = 30;
  let last = '';
  return {
    update(done: number, label: string) {
      const filled = total === 0 ? width : Math.round((done / total) * width);
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
