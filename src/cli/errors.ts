/** A mistake in how the command was called (exit status 2), as opposed to a failure while running (1). */
export class CliError extends Error {}
