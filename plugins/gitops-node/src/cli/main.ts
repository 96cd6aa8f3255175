import { run } from './run';

run(process.argv.slice(2), {
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
