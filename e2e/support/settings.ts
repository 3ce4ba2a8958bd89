// What the browser tests and their server agree on: the port and the QA coordinator who signs in.

export const e2ePort = 3123;
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;

/** The QA coordinator that e2e/start-server.ts creates in its fresh database. */
export const qaCoordinator = {
  name: 'Quinn Archer',
  email: 'quinn.archer@e2e.example.test',
  password: 'e2e only: correct horse battery staple',
} as const;
