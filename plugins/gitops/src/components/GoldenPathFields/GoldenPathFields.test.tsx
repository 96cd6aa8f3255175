import { useState } from 'react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApis } from '../../__testUtils__/render';
import { setupGitopsServer } from '../../__testUtils__/server';
import { ClusterPickerField } from './ClusterPickerField';
import { ConfigRepoPickerField } from './ConfigRepoPickerField';
import { EnvironmentPickerField } from './EnvironmentPickerField';

const REPO = {
  host: 'ghe.example.com',
  owner: 'platform',
  repo: 'fleet-config',
  branch: 'trunk',
  repoUrl: 'ghe.example.com?owner=platform&repo=fleet-config',
};
const OTHER = {
  ...REPO,
  repo: 'edge-config',
  repoUrl: 'ghe.example.com?owner=platform&repo=edge-config',
};

/** A field as the scaffolder form drives it: it owns formData and records every value produced. */
function Harness(props: {
  field:
    | typeof ConfigRepoPickerField
    | typeof EnvironmentPickerField
    | typeof ClusterPickerField;
  schema: object;
  uiOptions?: object;
  values: unknown[];
}) {
  const [formData, setFormData] = useState<unknown>(undefined);
  const Field = props.field as unknown as (
    p: Record<string, unknown>,
  ) => JSX.Element;
  return (
    <Field
      formData={formData}
      onChange={(value: unknown) => {
        props.values.push(value);
        setFormData(value);
      }}
      idSchema={{ $id: 'root_field' }}
      schema={props.schema}
      uiSchema={props.uiOptions ? { 'ui:options': props.uiOptions } : {}}
      rawErrors={[]}
      required
    />
  );
}

async function renderField(
  field:
    | typeof ConfigRepoPickerField
    | typeof EnvironmentPickerField
    | typeof ClusterPickerField,
  schema: object,
  uiOptions?: object,
) {
  const values: unknown[] = [];
  await renderWithApis(
    <Harness
      field={field}
      schema={schema}
      uiOptions={uiOptions}
      values={values}
    />,
  );
  return { last: () => values[values.length - 1] };
}

describe('GitopsConfigRepoPicker', () => {
  const backend = setupGitopsServer();
  const serve = (configRepos: object[]) =>
    backend.serve('/golden-path-options', {
      configRepos,
      environments: [],
      clusters: [],
    });

  it('chooses the one configured repo at once, in the RepoUrlPicker format', async () => {
    serve([REPO]);
    const { last } = await renderField(ConfigRepoPickerField, {
      type: 'string',
    });
    expect(
      await screen.findByText(
        /Pull requests go to ghe.example.com\/platform\/fleet-config \(base trunk\)/,
      ),
    ).toBeInTheDocument();
    expect(last()).toBe(REPO.repoUrl);
  });

  it('offers every configured repo when there are several', async () => {
    serve([REPO, OTHER]);
    const { last } = await renderField(ConfigRepoPickerField, {
      type: 'string',
      title: 'Config repo',
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Config repo/ }),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText(/edge-config/),
    );
    expect(last()).toBe(OTHER.repoUrl);
  });

  it('says that none is configured, naming the config key', async () => {
    serve([]);
    await renderField(ConfigRepoPickerField, { type: 'string' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'gitops.configRepo',
    );
  });
});

describe('GitopsEnvironmentPicker', () => {
  const backend = setupGitopsServer();
  beforeEach(() => {
    backend.serve('/golden-path-options', {
      configRepos: [],
      environments: ['qa', 'stage', 'live'],
      clusters: [],
    });
  });

  it('starts an array with every environment, in delivery order', async () => {
    const { last } = await renderField(EnvironmentPickerField, {
      type: 'array',
    });
    expect(await screen.findByRole('checkbox', { name: 'live' })).toBeChecked();
    expect(last()).toEqual(['qa', 'stage', 'live']);
  });

  it('keeps delivery order whatever order boxes are ticked in', async () => {
    const { last } = await renderField(EnvironmentPickerField, {
      type: 'array',
    });
    // All ticked at first: untick qa and live, then tick live, then qa.
    await userEvent.click(await screen.findByRole('checkbox', { name: 'qa' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'live' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'live' }));
    expect(last()).toEqual(['stage', 'live']);
    await userEvent.click(screen.getByRole('checkbox', { name: 'qa' }));
    expect(last()).toEqual(['qa', 'stage', 'live']);
  });

  it.each([
    ['first', ['stage', 'live']],
    ['last', ['qa', 'stage']],
  ])('omits the %s environment when asked', async (omit, offered) => {
    await renderField(
      EnvironmentPickerField,
      { type: 'string', title: 'To' },
      { omit },
    );
    await userEvent.click(await screen.findByRole('button', { name: /To/ }));
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual(offered);
  });

  it.each([
    [undefined, 'qa'],
    ['first', 'stage'],
  ])(
    'starts a string with the first environment offered (omit %s)',
    async (omit, expected) => {
      const { last } = await renderField(
        EnvironmentPickerField,
        { type: 'string', title: 'To' },
        omit ? { omit } : undefined,
      );
      expect(
        await screen.findByRole('button', { name: new RegExp(expected) }),
      ).toBeInTheDocument();
      expect(last()).toBe(expected);
    },
  );

  it('picks one environment for a string property', async () => {
    const { last } = await renderField(EnvironmentPickerField, {
      type: 'string',
      title: 'From',
    });
    await userEvent.click(await screen.findByRole('button', { name: /From/ }));
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('stage'),
    );
    expect(last()).toBe('stage');
  });
});

describe('GitopsClusterPicker', () => {
  const backend = setupGitopsServer();
  const serve = (clusters: object[]) =>
    backend.serve('/golden-path-options', {
      configRepos: [],
      environments: [],
      clusters,
    });

  it('starts with the first cluster, by name', async () => {
    serve([{ name: 'kind-dev', environment: 'dev' }, { name: 'eks-prod' }]);
    const { last } = await renderField(ClusterPickerField, { type: 'string' });
    expect(
      await screen.findByRole('button', { name: /Cluster/ }),
    ).toHaveTextContent('kind-dev (dev)');
    expect(last()).toBe('kind-dev');
  });

  it('offers every cluster the backend reads', async () => {
    serve([{ name: 'kind-dev', environment: 'dev' }, { name: 'eks-prod' }]);
    const { last } = await renderField(ClusterPickerField, {
      type: 'string',
      title: 'Cluster',
    });
    await userEvent.click(
      await screen.findByRole('button', { name: /Cluster/ }),
    );
    await userEvent.click(
      within(screen.getByRole('listbox')).getByText('eks-prod'),
    );
    expect(last()).toBe('eks-prod');
  });

  it('says that none is configured', async () => {
    serve([]);
    await renderField(ClusterPickerField, { type: 'string' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'No cluster is configured',
    );
  });
});

describe('the golden-path fields of one form', () => {
  const backend = setupGitopsServer();

  it('share one request for the options', async () => {
    const requests = backend.serve('/golden-path-options', {
      configRepos: [REPO],
      environments: ['dev', 'prod'],
      clusters: [],
    });
    const values: unknown[] = [];
    await renderWithApis(
      <>
        <Harness field={ConfigRepoPickerField} schema={{}} values={values} />
        <Harness
          field={EnvironmentPickerField}
          schema={{ type: 'array' }}
          values={values}
        />
      </>,
    );
    expect(await screen.findByRole('checkbox', { name: 'prod' })).toBeChecked();
    expect(requests).toHaveLength(1);
  });
});
