import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import type { ParameterSchema } from './claimSchema';

type Values = Record<string, unknown>;

function numberOrUndefined(text: string, integer: boolean) {
  if (text.trim() === '') return undefined;
  const value = Number(text);
  if (Number.isNaN(value)) return undefined;
  return integer ? Math.trunc(value) : value;
}

/** One parameter: select for enums, checkbox for booleans, number and text inputs, a fieldset for objects. */
function ParameterInput(props: {
  id: string;
  name: string;
  schema: ParameterSchema;
  required: boolean;
  value: unknown;
  error?: string;
  errors: Map<string, string>;
  path: string;
  onChange: (value: unknown) => void;
}) {
  const { id, name, schema, required, value, error, onChange } = props;
  const helperText = error ?? schema.description;
  if (schema.type === 'object') {
    return (
      <Box
        component="fieldset"
        border={1}
        borderColor="divider"
        borderRadius={4}
        p={1}
        mt={1}
        aria-label={name}
      >
        <Typography component="legend" variant="subtitle2">
          {name}
          {required && ' *'}
        </Typography>
        {schema.description && (
          <Typography variant="caption">{schema.description}</Typography>
        )}
        <ParameterInputs
          id={id}
          schema={schema}
          value={(value as Values | undefined) ?? {}}
          errors={props.errors}
          path={props.path}
          onChange={onChange}
        />
      </Box>
    );
  }
  if (schema.type === 'boolean') {
    return (
      <FormControlLabel
        control={
          <Checkbox
            id={id}
            checked={value === true}
            onChange={event => onChange(event.target.checked)}
          />
        }
        label={name}
      />
    );
  }
  const common = {
    id,
    label: name,
    required,
    fullWidth: true,
    margin: 'dense' as const,
    error: Boolean(error),
    helperText,
  };
  if (schema.enum) {
    return (
      <TextField
        {...common}
        select
        value={value === undefined ? '' : String(value)}
        onChange={event =>
          onChange(
            schema.enum!.find(option => String(option) === event.target.value),
          )
        }
      >
        {schema.enum.map(option => (
          <MenuItem key={String(option)} value={String(option)}>
            {String(option)}
          </MenuItem>
        ))}
      </TextField>
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <TextField
        {...common}
        type="number"
        value={value === undefined ? '' : String(value)}
        inputProps={{
          min: schema.minimum,
          max: schema.maximum,
          step: schema.type === 'integer' ? 1 : 'any',
        }}
        onChange={event =>
          onChange(
            numberOrUndefined(event.target.value, schema.type === 'integer'),
          )
        }
      />
    );
  }
  return (
    <TextField
      {...common}
      value={typeof value === 'string' ? value : ''}
      onChange={event =>
        onChange(event.target.value === '' ? undefined : event.target.value)
      }
    />
  );
}

/** Inputs for every property of an object schema; `errors` maps a path (`parameters.size`) to its problem. */
export function ParameterInputs(props: {
  id: string;
  schema: ParameterSchema;
  value: Values;
  errors: Map<string, string>;
  path?: string;
  onChange: (value: Values) => void;
}) {
  const { id, schema, value, errors, onChange } = props;
  const path = props.path ?? 'parameters';
  const properties = Object.entries(schema.properties ?? {});
  if (properties.length === 0) {
    return (
      <Typography variant="body2">This claim takes no parameters.</Typography>
    );
  }
  return (
    <>
      {properties.map(([name, property]) => {
        const childPath = `${path}.${name}`;
        return (
          <ParameterInput
            key={name}
            id={`${id}-${name}`}
            name={name}
            schema={property}
            required={schema.required?.includes(name) ?? false}
            value={value[name]}
            error={errors.get(childPath)}
            errors={errors}
            path={childPath}
            onChange={child => {
              const next = { ...value };
              if (child === undefined) delete next[name];
              else next[name] = child;
              onChange(next);
            }}
          />
        );
      })}
    </>
  );
}
