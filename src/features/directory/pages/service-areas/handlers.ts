// Service area pages: the list, one area and its teams, adding, renaming, deactivating.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, Invalid } from '../../../../platform/errors.js';
import {
  errorsFromInvalid,
  parseForm,
  rawValues,
  type FormErrors,
} from '../../../../platform/forms.js';
import type { Services } from '../../../../services.js';
import type { ServiceArea } from '../../directory.model.js';
import { serviceAreaNameMessages } from '../../directory.rules.js';
import {
  canManage,
  conflictPage,
  contextOf,
  manage,
  nameField,
  versionOf,
  view,
} from '../common.js';

const serviceAreaSchema = z.object({ name: nameField(serviceAreaNameMessages) });

const pages = 'features/directory/pages/service-areas';
type IdParams = { Params: { id: string } };

export async function serviceAreaPages(app: FastifyInstance, services: Services) {
  const { directory } = services;

  async function form(
    reply: FastifyReply,
    data: {
      serviceArea?: ServiceArea;
      values: Record<string, unknown>;
      errors?: FormErrors;
      version?: number;
    },
    status = 200,
  ) {
    const { serviceArea } = data;
    return reply.page(
      `${pages}/form.njk`,
      {
        ...data,
        action: serviceArea
          ? `/directory/service-areas/${serviceArea.id}/edit`
          : '/directory/service-areas/new',
        backLink: serviceArea
          ? `/directory/service-areas/${serviceArea.id}`
          : '/directory/service-areas',
      },
      status,
    );
  }

  app.get('/directory/service-areas', view, async (request, reply) => {
    const serviceAreas = await directory.listServiceAreas(contextOf(request));
    return reply.page(`${pages}/list.njk`, { serviceAreas, canManage: canManage(request) });
  });

  app.get('/directory/service-areas/new', manage, async (_request, reply) =>
    form(reply, { values: {} }),
  );

  app.post('/directory/service-areas/new', manage, async (request, reply) => {
    const parsed = parseForm(serviceAreaSchema, request.body);
    if (!parsed.ok) return form(reply, { values: parsed.values, errors: parsed.errors }, 400);
    try {
      const id = await directory.addServiceArea(contextOf(request), parsed.value);
      request.session.flash = 'Service area added';
      return reply.redirect(`/directory/service-areas/${id}`, 303);
    } catch (error) {
      if (!(error instanceof Invalid)) throw error;
      return form(
        reply,
        { values: rawValues(request.body), errors: errorsFromInvalid(error) },
        400,
      );
    }
  });

  app.get<IdParams>('/directory/service-areas/:id', view, async (request, reply) => {
    const { serviceArea, teams } = await directory.getServiceArea(
      contextOf(request),
      request.params.id,
    );
    return reply.page(`${pages}/view.njk`, {
      serviceArea,
      teams,
      canManage: canManage(request),
      backLink: '/directory/service-areas',
    });
  });

  app.get<IdParams>('/directory/service-areas/:id/edit', manage, async (request, reply) => {
    const { serviceArea } = await directory.getServiceArea(contextOf(request), request.params.id);
    return form(reply, {
      serviceArea,
      values: { name: serviceArea.name },
      version: serviceArea.version,
    });
  });

  app.post<IdParams>('/directory/service-areas/:id/edit', manage, async (request, reply) => {
    const ctx = contextOf(request);
    const { serviceArea } = await directory.getServiceArea(ctx, request.params.id);
    const version = versionOf(request.body);
    const parsed = parseForm(serviceAreaSchema, request.body);
    if (!parsed.ok)
      return form(
        reply,
        { serviceArea, version, values: parsed.values, errors: parsed.errors },
        400,
      );
    try {
      const changed = await directory.changeServiceArea(ctx, serviceArea.id, version, parsed.value);
      request.session.flash =
        changed.length > 0 ? 'Service area updated' : 'You did not change anything';
      return reply.redirect(`/directory/service-areas/${serviceArea.id}`, 303);
    } catch (error) {
      if (error instanceof Invalid) {
        return form(
          reply,
          {
            serviceArea,
            version,
            values: rawValues(request.body),
            errors: errorsFromInvalid(error),
          },
          400,
        );
      }
      if (!(error instanceof Conflict)) throw error;
      const { serviceArea: now } = await directory.getServiceArea(ctx, serviceArea.id);
      return conflictPage(reply, {
        thing: 'service area',
        name: now.name,
        href: `/directory/service-areas/${now.id}`,
        editHref: `/directory/service-areas/${now.id}/edit`,
        rows: [{ label: 'Name', saved: now.name, yours: parsed.value.name }],
      });
    }
  });

  for (const active of [false, true]) {
    const verb = active ? 'reactivate' : 'deactivate';
    const confirmPage = async (request: FastifyRequest<IdParams>, reply: FastifyReply) => {
      const { serviceArea } = await directory.getServiceArea(contextOf(request), request.params.id);
      const href = `/directory/service-areas/${serviceArea.id}`;
      if (serviceArea.active === active) return reply.redirect(href, 303);
      return reply.page('features/directory/pages/confirm.njk', {
        caption: serviceArea.name,
        heading: `${active ? 'Reactivate' : 'Deactivate'} this service area?`,
        paragraphs: active
          ? ['It will be offered again when you add or change a team.']
          : [
              'It will no longer be offered for new teams. Its history is kept, and you can reactivate it later.',
            ],
        blocked:
          !active && serviceArea.activeTeams > 0
            ? `This service area has ${serviceArea.activeTeams} active ${serviceArea.activeTeams === 1 ? 'team' : 'teams'}. Move them to another service area or deactivate them first.`
            : undefined,
        action: `${href}/${verb}`,
        version: serviceArea.version,
        button: `${active ? 'Reactivate' : 'Deactivate'} service area`,
        warning: !active,
        cancelHref: href,
        backLink: href,
      });
    };
    app.get<IdParams>(`/directory/service-areas/:id/${verb}`, manage, confirmPage);
    app.post<IdParams>(`/directory/service-areas/:id/${verb}`, manage, async (request, reply) => {
      const id = request.params.id;
      await directory.setServiceAreaActive(contextOf(request), id, versionOf(request.body), active);
      request.session.flash = active ? 'Service area reactivated' : 'Service area deactivated';
      return reply.redirect(`/directory/service-areas/${id}`, 303);
    });
  }
}
