import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/test-utils';
import type { ObjectStatus } from '@gitops-portal/plugin-gitops-common';
import { argoApp } from '../../__testUtils__/fixtures';
import { DriftPolicyLine, driftPolicyText } from './DriftPolicyLine';

const fluxKustomization = (driftPolicy: ObjectStatus['driftPolicy']) =>
  argoApp({
    engine: 'flux',
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    driftPolicy,
  });

describe('driftPolicyText', () => {
  it.each<[string, ObjectStatus, string | undefined]>([
    ['no policy reported', argoApp({ driftPolicy: undefined }), undefined],
    [
      'Argo CD manual sync',
      argoApp({ driftPolicy: { automated: false } }),
      'manual sync',
    ],
    [
      'Argo CD auto-sync without self-heal',
      argoApp({
        driftPolicy: { automated: true, selfHeal: false, prune: true },
      }),
      'auto-sync, self-heal off, prune on',
    ],
    [
      'Argo CD ignored differences',
      argoApp({
        driftPolicy: {
          automated: true,
          selfHeal: true,
          prune: true,
          ignoreDifferences: 2,
        },
      }),
      'auto-sync, self-heal on, prune on, 2 ignored differences',
    ],
    [
      'a Flux Kustomization',
      fluxKustomization({ prune: false, interval: '1h' }),
      'prune off, every 1h',
    ],
    [
      'a Flux HelmRelease (interval only)',
      fluxKustomization({ interval: '10m' }),
      'every 10m',
    ],
  ])('%s', (_name, object, text) => {
    expect(driftPolicyText(object)).toBe(text);
  });
});

describe('DriftPolicyLine', () => {
  it('shows the policy as one labelled line', async () => {
    await renderInTestApp(
      <DriftPolicyLine
        object={argoApp({
          driftPolicy: { automated: true, selfHeal: true, prune: false },
        })}
      />,
    );

    expect(
      screen.getByLabelText('Drift policy: auto-sync, self-heal on, prune off'),
    ).toHaveTextContent('Drift policy: auto-sync, self-heal on, prune off');
  });

  it('shows nothing when the object reports no policy', async () => {
    const { container } = await renderInTestApp(
      <DriftPolicyLine object={argoApp({ driftPolicy: undefined })} />,
    );

    expect(container).toBeEmptyDOMElement();
  });
});
