import { signalEchoRequestSchema } from '@gitops-portal/plugin-gitops-common';
import Router from 'express-promise-router';
import { parse } from './parse';
import { RouteContext } from './types';

/**
 * `POST /signals/echo`: sends the body's token back to the signed-in user's own browsers on the status channel, with
 * the publisher's last broadcast number (see `GitopsSignal`). A user only: the echo goes to their own sockets and
 * names no entity, so it needs no permission beyond being that user (a service has no browser to answer).
 */
export function signalRoutes({ httpAuth, publisher }: RouteContext) {
  const router = Router();
  router.post('/signals/echo', async (req, res) => {
    const credentials = await httpAuth.credentials(req, { allow: ['user'] });
    const { token } = parse(signalEchoRequestSchema, req.body);
    await publisher.echo(credentials.principal.userEntityRef, token);
    res.status(202).json({});
  });
  return router;
}
