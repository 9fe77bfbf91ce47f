/**
 * A progress line for long CLI runs, on stderr (stdout stays the report): redrawn in place on a
 * terminal, at most every 100 ms; a line every 10 % when stderr is a file or a pipe.
 */
export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr) {
  const started = Date.now();
  let lastDraw = 0;
  let lastTenth = -1;
  const tty = stream.isTTY === true;
  return {
    update(done: number, total: number) {
      const now = Date.now();
      const share = total === 0 ? 1 : Math.min(1, done / total);
      const rate = done / Math.max(0.001, (now - started) / 1000);
      const text = `${label} ${Math.round(share * 100)
        .toString()
        .padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')}/s`;
      if (tty) {
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        const width = 30;
        const filled = Math.round(share * width);
        stream.write(`\r[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}\x1b[K`);
      } else {
        const tenth = Math.floor(share * 10);
        if (tenth === lastTenth) return;
        lastTenth = tenth;
        stream.write(`${text}\n`);
      }
    },
    end() {
      if (tty) stream.write('\n');
    },
  };
}
