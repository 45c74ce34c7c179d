/** A one-line counter on a terminal; silent in CI logs, where it would only add noise. */
export function fileProgress(stream: NodeJS.WriteStream = process.stderr) {
  let lastShown = 0;
  return (done: number, total: number): void => {
    if (!stream.isTTY) return;
    const now = Date.now();
    if (done < total && now - lastShown < 100) return;
    lastShown = now;
    stream.write(`\rReading articles: ${done}/${total} files`);
    if (done === total) stream.write('\n');
  };
}
