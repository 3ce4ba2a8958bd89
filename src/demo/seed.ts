// The demo council. (Being built.)
import type { Services } from '../services.js';

export interface DemoSignIn {
  role: string;
  email: string;
}

export const demoPassword = 'spotlight-demo-password';

export async function seedDemoCouncil(_services: Services): Promise<{ created: boolean; signIns: DemoSignIn[] }> {
  return { created: false, signIns: [] };
}

export async function isDatabaseEmpty(services: Services): Promise<boolean> {
  const row = await services.database.db
    .selectFrom('person')
    .select((eb) => eb.fn.countAll().as('people'))
    .executeTakeFirstOrThrow();
  return Number(row.people) === 0;
}
