import { isAppError } from '../graph/errors.js';

/** Runs a command's main and exits with its code; an AppError prints as one line, anything else with its stack. */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(isAppError(error) ? `error: ${error.message}` : error);
      process.exit(2);
    },
  );
}
