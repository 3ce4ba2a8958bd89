// The accessibility statement, privacy notice and cookies page. (Being written.)
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services.js';

export async function infoPageRoutes(_app: FastifyInstance, _opts: { services: Services }) {}
