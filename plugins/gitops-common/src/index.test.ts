import * as api from './index';

describe('package entry point', () => {
  it.each([
    'syncStatusSchema',
    'healthStatusSchema',
    'operationPhaseSchema',
    'engineSchema',
    'conditionSchema',
    'managedResourceStatusSchema',
    'objectStatusSchema',
    'clusterStateSchema',
    'historyEntrySchema',
    'xrdSchema',
    'overviewQuerySchema',
    'historyQuerySchema',
    'promotionRequestSchema',
    'rollbackRequestSchema',
    'entityStatusResponseSchema',
    'teamStatusResponseSchema',
    'overviewResponseSchema',
    'historyResponseSchema',
    'clustersResponseSchema',
    'xrdsResponseSchema',
    'pullRequestResponseSchema',
  ])('exports the zod schema %s', name => {
    expect(typeof (api as Record<string, any>)[name]?.safeParse).toBe(
      'function',
    );
  });

  it.each([
    'normalizeObject',
    'fluxHealth',
    'crossplaneHealth',
    'rolloutHealth',
    'argoApplicationStatus',
    'argoApplicationSetHealth',
    'parseLabelSelector',
    'matchesLabelSelector',
    'entityKubernetesMatchers',
    'worstHealth',
    'compareHealth',
  ])('exports the function %s', name => {
    expect(typeof (api as Record<string, unknown>)[name]).toBe('function');
  });

  it('exports the permissions', () => {
    expect(api.gitopsPermissions).toHaveLength(6);
  });
});
