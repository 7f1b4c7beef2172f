/** Exit codes of the CLI, documented in `--help`. */
export const EXIT = {
  /** Every event was delivered to every sink. */
  ok: 0,
  /** Bad command line or configuration (unknown sink, missing peer package, missing path). */
  usage: 1,
  /** Bad input lines were reported and skipped; everything else was delivered. */
  inputErrors: 2,
  /** Some sink did not deliver everything (dropped, failed, or still pending at the deadline). */
  sinkFailed: 3,
} as const;

export const EXIT_HELP = `
Exit codes:
  0  every event delivered to every sink
  1  usage error (bad flags, unknown sink, missing peer package)
  2  bad input lines were reported and skipped; all good lines delivered
  3  some sink failed to deliver (see the summary)`;
