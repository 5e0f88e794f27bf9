// A team of reviewers on a test server, each with an API token, and JSON requests made as one of them.
import type { Role } from '../../src/review/roles.ts';
import { createApiToken, createReviewer } from '../../src/store/index.ts';
import { reviewerPassword, type TestServer } from './server.ts';

/** The tokens of a team by name, and `as(name, path, body?)`: a GET, or a POST of `body` as JSON, as that member. */
export interface Team {
  tokens: Record<string, string>;
  as(name: string, path: string, body?: unknown): Promise<Response>;
}

/** Creates the members (name and role) on `server`, each with a token labelled `label`. */
export async function createTeam(
  server: TestServer,
  members: readonly (readonly [string, Role])[],
  label: string,
): Promise<Team> {
  const tokens: Record<string, string> = {};
  for (const [name, role] of members) {
    const reviewer = await createReviewer(server.db, name, reviewerPassword, { role });
    tokens[name] = await createApiToken(server.db, reviewer.id, label);
  }
  const as = (name: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        Authorization: `Bearer ${tokens[name]}`,
        'Content-Type': 'application/json',
        Accept: 'application/json',
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return { tokens, as };
}
