/** Exit codes of the CLI, documented in `--help`. */
export const EXIT = {
  /** Every event was delivered to every sink. */
  ok: 0,
  /** Bad command line or configuration (unknown sink, missing peer package, missing path). */
  usage: 1,
  /**
   * Input problems were reported: lines that could not be an event were skipped (serve: refused), or events were
   * delivered with a bad field dropped or coerced; everything else was delivered.
   */
  inputErrors: 2,
  /** Some sink did not deliver everything (dropped, failed, or still pending at the deadline), or its configuration cannot work. */
  sinkFailed: 3,
} as const;

export const EXIT_HELP = `
Exit codes:
  0  every event delivered to every sink
  1  usage error (bad flags, unknown sink, missing peer package)
  2  input problems were reported (listed with file:line: field): lines that could not be an event were skipped
     (serve: refused), or events were delivered with a bad field dropped or coerced; all else was delivered
  3  some sink failed to deliver (see the summary), or a sink's configuration
     cannot work (said at once, naming the variables to set)`;
