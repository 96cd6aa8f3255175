import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { HistoryEntry } from '@gitops-portal/plugin-gitops-common';
import { HistoryList } from './HistoryList';

const CONFIG_1 = '1'.repeat(40);
const CONFIG_2 = '2'.repeat(40);

/** A multi-source Application's row: a remote Helm chart (source 1) and its values in the config repo (source 2). */
function entry(
  from: HistoryEntry['from'],
  to: Partial<HistoryEntry['to']>,
  sources?: HistoryEntry['sources'],
): HistoryEntry {
  return {
    id: 'h1',
    key: 'dev/argoproj.io/Application/argocd/shop',
    cluster: 'dev',
    kind: 'Application',
    namespace: 'argocd',
    name: 'shop',
    from,
    to: { sync: 'Synced', health: 'Healthy', ...to },
    ...(sources ? { sources } : {}),
    at: new Date().toISOString(),
  };
}

const SYNCED = { sync: 'Synced', health: 'Healthy' } as const;
const SOURCES = [
  { repoURL: 'https://charts.example.org', chart: 'web' },
  { repoURL: 'https://github.com/acme/config' },
];

describe('HistoryList', () => {
  it.each([
    [
      'the config repo source moved',
      entry(
        { ...SYNCED, revision: '1.2.3', revisions: ['1.2.3', CONFIG_1] },
        { revision: '1.2.3', revisions: ['1.2.3', CONFIG_2] },
      ),
      'Application shop (dev): source 2 revision 1111111 → 2222222',
    ],
    [
      'both sources moved',
      entry(
        { ...SYNCED, revision: '1.2.3', revisions: ['1.2.3', CONFIG_1] },
        { revision: '1.2.4', revisions: ['1.2.4', CONFIG_2] },
      ),
      'Application shop (dev): source 1 revision 1.2.3 → 1.2.4, source 2 revision 1111111 → 2222222',
    ],
    [
      'the first observation',
      entry({}, { revision: '1.2.3', revisions: ['1.2.3', CONFIG_1] }),
      'Application shop (dev): source 1 revision 1.2.3, source 2 revision 1111111, Synced, Healthy',
    ],
    [
      'the config repo source moved, named by its repo',
      entry(
        { ...SYNCED, revision: '1.2.3', revisions: ['1.2.3', CONFIG_1] },
        { revision: '1.2.3', revisions: ['1.2.3', CONFIG_2] },
        SOURCES,
      ),
      'Application shop (dev): github.com/acme/config revision 1111111 → 2222222',
    ],
    [
      'the chart moved, named by the chart',
      entry(
        { ...SYNCED, revision: '1.2.3', revisions: ['1.2.3', CONFIG_1] },
        { revision: '1.2.4', revisions: ['1.2.4', CONFIG_1] },
        SOURCES,
      ),
      'Application shop (dev): web revision 1.2.3 → 1.2.4',
    ],
    [
      'a single-source Application moved',
      entry({ ...SYNCED, revision: CONFIG_1 }, { revision: CONFIG_2 }),
      'Application shop (dev): revision 1111111 → 2222222',
    ],
  ])('shows every revision that changed: %s', async (_, item, text) => {
    await renderInTestApp(<HistoryList items={[item]} />);
    const list = screen.getByRole('list', { name: 'History' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(li => li.querySelector('.MuiListItemText-primary')?.textContent),
    ).toEqual([text]);
  });
});
