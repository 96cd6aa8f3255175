import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import {
  healthStatusSchema,
  syncStatusSchema,
} from '@gitops-portal/plugin-gitops-common';
import type { TeamFilters } from './teamRows';

function SelectFilter(props: {
  label: string;
  value: string;
  options: readonly string[];
  onChange: (value: string) => void;
}) {
  const id = `gitops-filter-${props.label.toLocaleLowerCase('en-US')}`;
  // A value from a linked URL that this data does not have stays selectable, so the filter shows what narrows.
  const options =
    props.value && !props.options.includes(props.value)
      ? [...props.options, props.value]
      : props.options;
  return (
    <TextField
      select
      id={id}
      label={props.label}
      value={props.value}
      onChange={event => props.onChange(event.target.value)}
      variant="outlined"
      size="small"
      style={{ minWidth: 160 }}
    >
      <MenuItem value="">Any</MenuItem>
      {options.map(option => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}

/** Health, sync, environment, cluster and free-text filters of the fleet view. */
export function TeamFilterBar(props: {
  filters: TeamFilters;
  environments: string[];
  clusters: string[];
  onChange: (filters: TeamFilters) => void;
}) {
  const { filters, onChange } = props;
  return (
    <Box display="flex" flexWrap="wrap" mb={2} style={{ gap: 8 }}>
      <TextField
        id="gitops-filter-text"
        label="Search services"
        value={filters.text}
        onChange={event => onChange({ ...filters, text: event.target.value })}
        variant="outlined"
        size="small"
      />
      <SelectFilter
        label="Health"
        value={filters.health}
        options={healthStatusSchema.options}
        onChange={health =>
          onChange({ ...filters, health: health as TeamFilters['health'] })
        }
      />
      <SelectFilter
        label="Sync"
        value={filters.sync}
        options={syncStatusSchema.options}
        onChange={sync =>
          onChange({ ...filters, sync: sync as TeamFilters['sync'] })
        }
      />
      <SelectFilter
        label="Environment"
        value={filters.environment}
        options={props.environments}
        onChange={environment => onChange({ ...filters, environment })}
      />
      <SelectFilter
        label="Cluster"
        value={filters.cluster}
        options={props.clusters}
        onChange={cluster => onChange({ ...filters, cluster })}
      />
    </Box>
  );
}
