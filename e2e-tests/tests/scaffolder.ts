import { expect, type Page } from '@playwright/test';

/** The GitHub emulator as the sandbox's GitHub integration names it (RepoUrlPicker's `host?owner=&repo=` form). */
export const GITHUB_HOST = '127.0.0.1:7100';

/**
 * Opens a template's form with its repository fields filled in through the URL's `formData`, the way Backstage
 * links pre-fill a template; every other field is filled by the test, as a person would.
 */
export async function openTemplate(
  page: Page,
  template: string,
  repositories: Record<string, string>,
) {
  const formData = Object.fromEntries(
    Object.entries(repositories).map(([field, repo]) => {
      const [owner, name] = repo.split('/');
      return [field, `${GITHUB_HOST}?owner=${owner}&repo=${name}`];
    }),
  );
  await page.goto(
    `/create/templates/default/${template}?formData=${encodeURIComponent(
      JSON.stringify(formData),
    )}`,
  );
}

/** Picks an entity in a catalog-backed autocomplete (OwnerPicker, EntityPicker) by typing and choosing its title. */
export async function pickEntity(
  page: Page,
  field: string,
  search: string,
  option: string,
) {
  await page.getByRole('textbox', { name: field }).fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/**
 * Reviews and creates the task, waits until it finishes, and returns the number of the pull request its output
 * link (named `linkTitle`) points at.
 */
export async function createAndReadPullRequest(
  page: Page,
  linkTitle: string,
  shot: string,
): Promise<number> {
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();
  const link = page.getByRole('link', { name: new RegExp(`^${linkTitle}`) });
  await expect(link).toBeVisible({ timeout: 90_000 });
  await page.screenshot({ path: shot, fullPage: true });
  const href = (await link.getAttribute('href'))!;
  return Number(href.match(/\/pull\/(\d+)$/)![1]);
}

/**
 * Fills the new-service template for a Payments service, creates it, and returns its config-repo PR. The delivery
 * step keeps its defaults (Argo CD, Kustomize) unless `delivery` fills it in.
 */
export async function scaffoldService(
  page: Page,
  name: string,
  shot: string,
  delivery?: (page: Page) => Promise<void>,
) {
  await openTemplate(page, 'new-service', {
    repoUrl: `acme/${name}`,
    configRepoUrl: 'acme/gitops-config',
  });
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await pickEntity(page, 'Owner', 'payments', 'Payments');
  await page.getByRole('button', { name: 'Next' }).click(); // to Delivery
  await delivery?.(page);
  await page.getByRole('button', { name: 'Next' }).click(); // to Drift policy: the defaults
  await page.getByRole('button', { name: 'Next' }).click(); // to Repositories: pre-filled, its button is Review
  return createAndReadPullRequest(page, 'Config repo pull request', shot);
}
