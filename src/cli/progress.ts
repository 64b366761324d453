import cliProgress from 'cli-progress';

/** A progress bar on stderr (trials done, rate, time left) when it is a terminal; silent otherwise. */
export function progressBar(total: number, enabled = process.stderr.isTTY === true): { update: (done: number) => void; stop: () => void } {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: '{bar} {percentage}% | {value}/{total} trials | {rate} trials/s | {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: '—' });
  return {
    update: (done) => {
      const seconds = (Date.now() - started) / 1000;
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '—' });
    },
    stop: () => bar.stop(),
  };
}
