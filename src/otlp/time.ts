/** Episode times (unix seconds, milliseconds) as OpenTelemetry HrTime ([seconds, nanoseconds]). */
import type { HrTime } from '@opentelemetry/api';

export function secondsToHrTime(seconds: number): HrTime {
  const whole = Math.floor(seconds);
  const nanos = Math.min(999_999_999, Math.round((seconds - whole) * 1e9));
  return [whole, nanos];
}

/** `start` plus a duration in milliseconds, exact to the nanosecond (no float rounding of the sum). */
export function addMs(start: HrTime, ms: number): HrTime {
  const nanos = start[1] + Math.round(ms * 1e6);
  return [start[0] + Math.floor(nanos / 1e9), nanos % 1e9];
}

export function hrTimeDiff(start: HrTime, end: HrTime): HrTime {
  let seconds = end[0] - start[0];
  let nanos = end[1] - start[1];
  if (nanos < 0) {
    seconds -= 1;
    nanos += 1e9;
  }
  return seconds < 0 ? [0, 0] : [seconds, nanos];
}
