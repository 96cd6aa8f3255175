import { TemplateHarness } from './templateHarness';

/** The config repo's branch heads and pull request numbers: equal before and after means nothing was written. */
export async function configRepoState(harness: TemplateHarness) {
  return {
    branches: await harness.branches(),
    pullRequests: (await harness.pullRequests()).map(pull => pull.number),
  };
}

/** The messages of a task's or dry run's log. */
export function messagesOf(log: Array<{ message: string }>): string[] {
  return log.map(line => line.message);
}
