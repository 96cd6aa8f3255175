import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';

/** JSON as the scaffolder's API sends and takes it. */
export type JsonObject = { [key: string]: any };

/** One line of a task's or dry run's log. */
export interface TemplateLogLine {
  stepId?: string;
  status?: string;
  message: string;
}

/** What a dry run answers (POST /v2/dry-run). */
export interface DryRunResult {
  /** The HTTP status: 200 when every step ran, 400 for values the template's parameters refuse, or the error's. */
  httpStatus: number;
  output: JsonObject;
  log: TemplateLogLine[];
  /** The workspace files the steps left behind, path → UTF-8 content. */
  files: Record<string, string>;
  /** The error body (`error.message`) or the parameter errors, when not 200. */
  error?: string;
}

/** What a real task ended with. */
export interface TaskResult {
  /** 'completed' or 'failed', or 'rejected' when the values do not match the template's parameters (HTTP 400). */
  status: 'completed' | 'failed' | 'rejected';
  taskId?: string;
  output: JsonObject;
  log: TemplateLogLine[];
  /** The failing step's message or the parameter errors. */
  error?: string;
}

/** The user the templates run as: Alice of the payments team (sandbox demo org). */
export const TEMPLATE_USER = 'user:default/alice';

interface ScaffolderEvent {
  id: number;
  type: 'log' | 'completion' | 'cancelled' | 'recovered';
  body: TemplateLogLine & {
    output?: JsonObject;
    error?: { message: string };
  };
}

/** Talks to the scaffolder's REST API as a signed-in user, the way the frontend does. */
export function createScaffolderClient(baseUrl: string) {
  const headers = {
    'content-type': 'application/json',
    authorization: mockCredentials.user.header(TEMPLATE_USER),
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/scaffolder${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {} };
  };

  /** Parameter errors (400 `{ errors }`) or an error response (`{ error: { message } }`) as one string. */
  const errorOf = (body: any): string =>
    body.errors
      ? body.errors.map((e: { stack: string }) => e.stack).join('; ')
      : body.error?.message ?? JSON.stringify(body);

  async function events(taskId: string): Promise<ScaffolderEvent[]> {
    const all: ScaffolderEvent[] = [];
    for (;;) {
      const after = all.length ? `?after=${all[all.length - 1].id}` : '';
      const { body } = await call('GET', `/v2/tasks/${taskId}/events${after}`);
      all.push(...(body as ScaffolderEvent[]));
      if (all.some(e => e.type === 'completion' || e.type === 'cancelled')) {
        return all;
      }
    }
  }

  return {
    async dryRun(
      template: Entity,
      values: JsonObject,
      directoryContents: Record<string, string> = {},
      secrets?: Record<string, string>,
    ): Promise<DryRunResult> {
      const { status, body } = await call('POST', '/v2/dry-run', {
        template,
        values,
        secrets,
        directoryContents: Object.entries(directoryContents).map(
          ([path, content]) => ({
            path,
            base64Content: Buffer.from(content).toString('base64'),
          }),
        ),
      });
      if (status !== 200) {
        return {
          httpStatus: status,
          output: {},
          log: [],
          files: {},
          error: errorOf(body),
        };
      }
      return {
        httpStatus: status,
        output: body.output ?? {},
        log: (body.log ?? []).map(
          (line: { body: TemplateLogLine }) => line.body,
        ),
        files: Object.fromEntries(
          (body.directoryContents ?? []).map(
            (file: { path: string; base64Content: string }) => [
              file.path,
              Buffer.from(file.base64Content, 'base64').toString('utf8'),
            ],
          ),
        ),
      };
    },

    /** Starts a task from the catalog's template and follows its event stream to the end. */
    async run(
      templateRef: string,
      values: JsonObject,
      secrets?: Record<string, string>,
    ): Promise<TaskResult> {
      // `secrets`: what the form's `ui:field: Secret` fields hold; the task gets them as `${{ secrets.<field> }}`.
      const created = await call('POST', '/v2/tasks', {
        templateRef,
        values,
        secrets,
      });
      if (created.status === 400) {
        return {
          status: 'rejected',
          output: {},
          log: [],
          error: errorOf(created.body),
        };
      }
      if (created.status !== 201) {
        throw new Error(
          `Creating the task failed (${created.status}): ${errorOf(
            created.body,
          )}`,
        );
      }
      const taskId: string = created.body.id;
      const all = await events(taskId);
      const completion = all.find(e => e.type === 'completion');
      const task = await call('GET', `/v2/tasks/${taskId}`);
      const failed = task.body.status !== 'completed';
      return {
        status: failed ? 'failed' : 'completed',
        taskId,
        output: completion?.body.output ?? {},
        log: all.filter(e => e.type === 'log').map(e => e.body),
        error: failed
          ? completion?.body.error?.message ?? completion?.body.message
          : undefined,
      };
    },
  };
}
