// Administration by the QA coordinator: accounts and the audit log. (Being built.)
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function adminRoutes(_app: FastifyInstance, _opts: { services: Services }) {}
