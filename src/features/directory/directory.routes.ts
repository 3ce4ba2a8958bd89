// The directory's pages. (Being built.)
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function directoryRoutes(_app: FastifyInstance, _opts: { services: Services }) {}
