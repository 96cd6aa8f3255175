import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/render';
import { setupGitopsServer } from '../../__testUtils__/server';
import {
  ClusterRequestChoiceField,
  ClusterRequestChoiceUiOptions,
} from './ClusterRequestChoiceField';

const CLUSTER_REQUEST = {
  providers: [
    { name: 'docker', type: 'cluster-api' },
    { name: 'managed', type: 'crossplane' },
  ],
  kubernetesVersions: ['v1.30.6', 'v1.31.2'],
  controlPlaneReplicas: { min: 1, max: 5 },
  workerReplicas: { min: 1, max: 3 },
};

/** The field as the scaffolder form drives it: it owns formData; `values` records every value produced. */
function Harness(props: {
  choice: ClusterRequestChoiceUiOptions['choice'];
  values: unknown[];
}) {
  const [formData, setFormData] = useState<any>(undefined);
  return (
    <ClusterRequestChoiceField
      {...({} as any)}
      formData={formData}
      onChange={(value: unknown) => {
        props.values.push(value);
        setFormData(value);
      }}
      idSchema={{ $id: 'root_choice' } as any}
      schema={{ title: 'Choice' }}
      uiSchema={{ 'ui:options': { choice: props.choice } }}
      rawErrors={[]}
    />
  );
}

describe('GitopsClusterRequestChoice', () => {
  const backend = setupGitopsServer();

  async function renderChoice(
    choice: ClusterRequestChoiceUiOptions['choice'],
    clusterRequest: object | null = CLUSTER_REQUEST,
  ) {
    backend.serve('/golden-path-options', {
      configRepos: [],
      environments: [],
      clusters: [],
      ...(clusterRequest ? { clusterRequest } : {}),
    });
    const values: unknown[] = [];
    await renderWithApis(<Harness choice={choice} values={values} />);
    return { last: () => values[values.length - 1] };
  }

  const offered = async () => {
    await userEvent.click(
      await screen.findByRole('button', { name: /Choice/ }),
    );
    return within(screen.getByRole('listbox'))
      .getAllByRole('option')
      .map(option => option.textContent);
  };

  it.each<[ClusterRequestChoiceUiOptions['choice'], string[]]>([
    ['provider', ['docker (Cluster API)', 'managed (Crossplane)']],
    ['kubernetesVersion', ['v1.30.6', 'v1.31.2']],
    ['controlPlaneReplicas', ['1', '3', '5']],
    ['workerReplicas', ['1', '2', '3']],
  ])('offers the configured %s choices', async (choice, expected) => {
    await renderChoice(choice);
    expect(await offered()).toEqual(expected);
  });

  it.each<[ClusterRequestChoiceUiOptions['choice'], unknown]>([
    ['provider', 'docker'],
    ['controlPlaneReplicas', 1],
  ])('starts %s with the first choice, typed', async (choice, expected) => {
    const { last } = await renderChoice(choice);
    await screen.findByRole('button', { name: /Choice/ });
    expect(last()).toBe(expected);
  });

  it('gives a machine count as a number', async () => {
    const { last } = await renderChoice('workerReplicas');
    await offered();
    await userEvent.click(within(screen.getByRole('listbox')).getByText('3'));
    expect(last()).toBe(3);
  });

  it('says cluster requests are not configured, naming the key', async () => {
    await renderChoice('provider', null);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'gitops.clusterRequest',
    );
  });
});
