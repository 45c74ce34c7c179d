// Loaded with `node --import` into the measured CLI when /usr/bin/time is not available: writes
// "0 <peak RSS KiB> <user s> <system s>" (the layout of the runner's GNU time format, wall time
// left to the runner) to $EPHEMERIS_BENCH_RSS_FILE at exit. It sees the Node process only, not
// the processes it starts.
import { writeFileSync } from 'node:fs';
import process from 'node:process';

const file = process.env.EPHEMERIS_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const s = (micros) => (micros / 1e6).toFixed(2);
    writeFileSync(file, `0 ${u.maxRSS} ${s(u.userCPUTime)} ${s(u.systemCPUTime)}\n`);
  });
}
