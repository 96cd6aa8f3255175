import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { Progress, ResponseErrorPanel } from '@backstage/core-components';

/** Picks teams among the catalog's groups; one catalog query for the whole picker. */
export function TeamPicker(props: {
  value: readonly string[];
  onChange: (teamRefs: string[]) => void;
}) {
  const catalogApi = useApi(catalogApiRef);
  const teams = useAsync(async () => {
    const { items } = await catalogApi.getEntities({
      filter: { kind: 'Group' },
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'metadata.title'],
    });
    return items
      .map(entity => ({
        ref: stringifyEntityRef(entity),
        title: entity.metadata.title ?? entity.metadata.name,
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }, [catalogApi]);

  if (teams.error) return <ResponseErrorPanel error={teams.error} />;
  if (!teams.value) return <Progress />;
  const titles = new Map(teams.value.map(team => [team.ref, team.title]));
  return (
    <TextField
      select
      id="gitops-team-picker"
      label="Teams"
      value={[...props.value]}
      onChange={event =>
        props.onChange(event.target.value as unknown as string[])
      }
      SelectProps={{
        multiple: true,
        renderValue: selected =>
          (selected as string[]).map(ref => titles.get(ref) ?? ref).join(', '),
      }}
      variant="outlined"
      size="small"
      style={{ minWidth: 240 }}
    >
      {teams.value.map(team => (
        <MenuItem key={team.ref} value={team.ref}>
          {team.title}
        </MenuItem>
      ))}
    </TextField>
  );
}
