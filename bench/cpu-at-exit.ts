/** Preload for benchmark child processes: writes the process's CPU time to $CPU_AT_EXIT_FILE when it exits. */
import { writeFileSync } from 'node:fs';

const file = process.env.CPU_AT_EXIT_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify(process.cpuUsage())));
