import formbody from '@fastify/formbody';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Conflict, Invalid } from './errors.js';
import { parseForm } from './forms.js';
import { versionedSave } from './versioned-save.js';

class Locked extends Conflict {}

const schema = z.object({ note: z.string().trim().min(1, 'Enter a note') });

/** A page that saves a note at a version, as the record and report pages do. */
async function notePage(saved: { note: string; version: number }): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(formbody);
  app.setErrorHandler((error, _request, reply) =>
    reply.code(error instanceof Locked ? 423 : 500).send({ error: String(error) }),
  );
  app.post('/note', async (request, reply) =>
    versionedSave(request, reply, {
      parse: (body) => parseForm(schema, body),
      again: (values, errors, version) =>
        reply.code(400).send({ page: 'form', values, errors: errors.list, version }),
      save: async ({ note }, version) => {
        if (note === 'locked') throw new Locked('Locked');
        if (note.includes('LCS')) throw new Invalid('note', 'Leave out case numbers');
        if (version !== saved.version) throw new Conflict('Saved by somebody else');
        saved.note = note;
        saved.version += 1;
        return { version: saved.version, savedAt: new Date('2027-03-02T14:05:00Z') };
      },
      passOn: (error) => error instanceof Locked,
      conflict: (value) =>
        reply.code(409).send({ page: 'conflict', saved: saved.note, yours: value.note }),
      done: (value) => reply.redirect(`/saved?as=${value.note.length}`, 303),
    }),
  );
  return app;
}

const form = (fields: Record<string, string>) => ({
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  payload: new URLSearchParams(fields).toString(),
});
const autosave = (fields: Record<string, string>) => {
  const request = form(fields);
  return { ...request, headers: { ...request.headers, 'x-autosave': '1' } };
};

describe('saving a shared, versioned form', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('saves with the Save button and goes on to the next page', async () => {
    const saved = { note: 'first', version: 1 };
    app = await notePage(saved);
    const response = await app.inject({
      method: 'POST',
      url: '/note',
      ...form({ note: 'second', version: '1' }),
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/saved?as=6');
    expect(saved).toEqual({ note: 'second', version: 2 });
  });

  it('answers autosave with the new version and the time, in JSON', async () => {
    const saved = { note: 'first', version: 4 };
    app = await notePage(saved);
    const response = await app.inject({
      method: 'POST',
      url: '/note',
      ...autosave({ note: 'later', version: '4' }),
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ saved: true, version: 5, savedAt: '2:05pm' });
  });

  it('shows the form again with what was typed when a rule is broken, and saves nothing', async () => {
    const saved = { note: 'first', version: 1 };
    app = await notePage(saved);
    const empty = await app.inject({
      method: 'POST',
      url: '/note',
      ...form({ note: '  ', version: '1' }),
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({
      values: { note: '  ' },
      errors: [{ text: 'Enter a note', href: '#note' }],
      version: 1,
    });
    const refused = await app.inject({
      method: 'POST',
      url: '/note',
      ...form({ note: 'LCS123', version: '1' }),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      values: { note: 'LCS123' },
      errors: [{ text: 'Leave out case numbers', href: '#note' }],
    });
    const autosaved = await app.inject({
      method: 'POST',
      url: '/note',
      ...autosave({ note: '', version: '1' }),
    });
    expect(autosaved.statusCode).toBe(422);
    expect(autosaved.json()).toEqual({ saved: false, errors: ['Enter a note'] });
    expect(saved).toEqual({ note: 'first', version: 1 });
  });

  it('tells the second person to save, showing both texts, and keeps the first', async () => {
    const saved = { note: 'first', version: 2 };
    app = await notePage(saved);
    const stale = await app.inject({
      method: 'POST',
      url: '/note',
      ...form({ note: 'mine', version: '1' }),
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toEqual({ page: 'conflict', saved: 'first', yours: 'mine' });
    const staleAutosave = await app.inject({
      method: 'POST',
      url: '/note',
      ...autosave({ note: 'mine', version: '1' }),
    });
    expect(staleAutosave.statusCode).toBe(409);
    expect(staleAutosave.json()).toEqual({ conflict: true });
    expect(saved).toEqual({ note: 'first', version: 2 });
  });

  it('leaves a refusal that is not a lost update to the caller', async () => {
    app = await notePage({ note: 'first', version: 1 });
    const locked = await app.inject({
      method: 'POST',
      url: '/note',
      ...form({ note: 'locked', version: '1' }),
    });
    expect(locked.statusCode).toBe(423);
  });

  it('refuses a form without the version it was read at', async () => {
    app = await notePage({ note: 'first', version: 1 });
    const auto = await app.inject({ method: 'POST', url: '/note', ...autosave({ note: 'x' }) });
    expect(auto.statusCode).toBe(422);
    expect(auto.json<{ errors: string[] }>().errors[0]).toMatch(/reload the page/);
    const plain = await app.inject({
      method: 'POST',
      url: '/note',
      ...form({ note: 'x', version: '0' }),
    });
    expect(plain.json<{ error: string }>().error).toMatch(/reload the page/);
  });
});
