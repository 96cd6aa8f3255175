import { run } from './run';

/**
 * The `gitops-validate` command: validates a checkout of the config repo as the writer validates a change, and sets
 * the process exit code to what `run` returns (2 for an internal error).
 *
 * @public
 */
export function runGitopsValidateCli(argv = process.argv.slice(2)): void {
  run(argv, {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
  }).then(
    code => {
      process.exitCode = code;
    },
    error => {
      process.stderr.write(`gitops-validate: ${(error as Error).message}\n`);
      process.exitCode = 2;
    },
  );
}
