/** An error's message, cut to 500 characters: enough for a response, never a whole upstream body. */
export const errorMessage = (error: unknown) =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);
