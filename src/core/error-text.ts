/**
 * An error's text for a warning or a counter, whatever was thrown: a sink or a backend library may reject with a
 * non-Error, even an object String() cannot convert. Never throws, because it runs in the handlers that keep a
 * failure from becoming an unhandled rejection in the caller's process.
 */
export function errorText(error: unknown): string {
  try {
    return error instanceof Error ? error.message : String(error);
  } catch {
    return 'an error that cannot be printed';
  }
}
