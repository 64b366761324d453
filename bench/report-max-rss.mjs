// Loaded with `node --import` into a process the bench measures from outside (the built CLI): at
// exit, writes the process's peak RSS (maxRSS, KiB, worker threads included) and CPU time
// (microseconds, all threads) as JSON to the file named by PARKCAST_BENCH_USAGE_FILE.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.PARKCAST_BENCH_USAGE_FILE;
if (isMainThread && file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
  });
}
