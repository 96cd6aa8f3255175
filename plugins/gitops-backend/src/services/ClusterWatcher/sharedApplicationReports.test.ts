import { ArgoCdDestination } from '@gitops-portal/plugin-gitops-common';
import {
  ReportMember,
  SharedApplicationReports,
} from './sharedApplicationReports';

/** A watched cluster that reports nothing (only its name and API URL matter to the mapping). */
function member(cluster: string, server?: string): ReportMember {
  return {
    cluster,
    server,
    reportFor: () => undefined,
    applyReportChanges: () => {},
    retarget: () => {},
  };
}

function setup() {
  const shared = new SharedApplicationReports();
  const spoke = member('spoke', 'https://Spoke.example:443/');
  shared.join(member('hub', 'https://hub.example:6443'));
  shared.join(spoke);
  return { shared, spoke };
}

describe('SharedApplicationReports', () => {
  it.each<[string, ArgoCdDestination, string | undefined]>([
    ['the in-cluster destination', { inCluster: true }, 'hub'],
    [
      'a watched cluster’s API URL (normalised on both sides)',
      { inCluster: false, server: 'https://spoke.example' },
      'spoke',
    ],
    ['a watched cluster’s name', { inCluster: false, name: 'spoke' }, 'spoke'],
    [
      'an API URL no watched cluster has',
      { inCluster: false, server: 'https://elsewhere.example' },
      undefined,
    ],
    [
      'a name no watched cluster has',
      { inCluster: false, name: 'prod' },
      undefined,
    ],
    ['no server and no name', { inCluster: false }, undefined],
  ])('maps %s of a hub Application', (_what, destination, expected) => {
    expect(setup().shared.clusterOf('hub', destination)).toBe(expected);
  });

  it.each<[string, ArgoCdDestination]>([
    ['by API URL', { inCluster: false, server: 'https://spoke.example' }],
    ['by name', { inCluster: false, name: 'spoke' }],
  ])(
    'maps nothing to a cluster no longer watched (%s)',
    (_how, destination) => {
      const { shared, spoke } = setup();
      shared.leave(spoke);
      expect(shared.clusterOf('hub', destination)).toBeUndefined();
    },
  );

  it('has every other cluster map its destinations anew when one joins', () => {
    const shared = new SharedApplicationReports();
    const hub = { ...member('hub'), retarget: jest.fn() };
    shared.join(hub);
    hub.retarget.mockClear();
    shared.join(member('spoke'));
    expect(hub.retarget).toHaveBeenCalledTimes(1);
  });
});
