/**
 * Runs a long task that stops cleanly on Ctrl-C: the first SIGINT aborts the task's signal (the
 * run stops between batches and nothing is written); a second one exits at once.
 */
export async function interruptible<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const onInterrupt = () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nparkcast: stopping (Ctrl-C again to quit at once)\n');
    controller.abort();
  };
  process.on('SIGINT', onInterrupt);
  try {
    return await task(controller.signal);
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
