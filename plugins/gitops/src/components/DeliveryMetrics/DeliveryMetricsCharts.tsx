import { useTheme } from '@material-ui/core/styles';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ChartRow } from './metricValues';

const HEIGHT = 220;

/** A chart drawn for sighted users; the figure's caption and data table are its text alternative. */
function ChartFigure(props: {
  id: string;
  title: string;
  summary: string;
  columns: Array<[key: keyof ChartRow, label: string]>;
  rows: ChartRow[];
  children: React.ReactElement;
}) {
  const { id, title, summary, columns, rows, children } = props;
  return (
    <Box component="figure" m={0} mb={2} aria-labelledby={`${id}-caption`}>
      <Typography
        id={`${id}-caption`}
        component="figcaption"
        variant="subtitle2"
      >
        {title}: {summary}
      </Typography>
      <div aria-hidden="true" style={{ width: '100%', height: HEIGHT }}>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          {children}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>
          <Typography variant="caption" component="span">
            {title} as a table
          </Typography>
        </summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Period</th>
              {columns.map(([key, label]) => (
                <th key={key} scope="col">
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map(row => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                {columns.map(([key]) => (
                  <td key={key}>{row[key] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </Box>
  );
}

/** The 30/90-day series: deployments (failed stacked on top), median lead time and time to restore per bucket. */
export default function DeliveryMetricsCharts(props: {
  rows: ChartRow[];
  summaries: { deployments: string; leadTime: string; timeToRestore: string };
}) {
  const theme = useTheme();
  const { rows, summaries } = props;
  const axis = { fill: theme.palette.text.secondary, fontSize: 12 };
  const grid = (
    <CartesianGrid stroke={theme.palette.divider} vertical={false} />
  );
  const x = <XAxis dataKey="label" tick={axis} />;
  const tooltip = (
    <Tooltip
      contentStyle={{
        background: theme.palette.background.paper,
        border: `1px solid ${theme.palette.divider}`,
        color: theme.palette.text.primary,
      }}
    />
  );
  // Legend text in the text colour: the series colours (warning orange above all) are too light for text.
  const legend = (
    <Legend
      formatter={(value: string) => (
        <span style={{ color: theme.palette.text.primary }}>{value}</span>
      )}
    />
  );
  return (
    <>
      <ChartFigure
        id="deployments"
        title="Deployments"
        summary={summaries.deployments}
        columns={[
          ['deployments', 'Succeeded'],
          ['failedDeployments', 'Failed'],
        ]}
        rows={rows}
      >
        <BarChart data={rows} accessibilityLayer={false}>
          {grid}
          {x}
          <YAxis allowDecimals={false} tick={axis} />
          {tooltip}
          {legend}
          <Bar
            dataKey="deployments"
            name="Succeeded"
            stackId="d"
            fill={theme.palette.primary.main}
          />
          <Bar
            dataKey="failedDeployments"
            name="Failed"
            stackId="d"
            fill={theme.palette.error.main}
          />
        </BarChart>
      </ChartFigure>
      <ChartFigure
        id="durations"
        title="Lead time and time to restore (hours, median)"
        summary={`${summaries.leadTime}; ${summaries.timeToRestore}`}
        columns={[
          ['leadTimeHours', 'Lead time (h)'],
          ['timeToRestoreHours', 'Time to restore (h)'],
        ]}
        rows={rows}
      >
        <LineChart data={rows} accessibilityLayer={false}>
          {grid}
          {x}
          <YAxis tick={axis} />
          {tooltip}
          {legend}
          <Line
            dataKey="leadTimeHours"
            name="Lead time"
            stroke={theme.palette.info.main}
            connectNulls
            dot
          />
          <Line
            dataKey="timeToRestoreHours"
            name="Time to restore"
            stroke={theme.palette.warning.main}
            connectNulls
            dot
          />
        </LineChart>
      </ChartFigure>
    </>
  );
}
