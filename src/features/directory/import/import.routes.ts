// Importing people and teams from CSV or XLSX, and exporting the directory. (Being built.)
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../../services.js';

export async function directoryImportRoutes(_app: FastifyInstance, _opts: { services: Services }) {}
