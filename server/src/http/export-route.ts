import { Readable } from 'node:stream';
import type { Section } from '@merit/shared/domain/review-template';
import type { FastifyInstance } from 'fastify';
import { audit } from '../audit/audit';
import { lookupSession } from '../auth/sessions';
import { cycleCsv } from '../cycles/export';
import type { Db } from '../db/client';
import type { Env } from '../env';
import { sessionCookieFor } from './cookies';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * GET /api/export/cycles/<id>.csv for HR. A GET that changes nothing but the audit log, so no CSRF token is
 * needed; a cross-site navigation (Sec-Fetch-Site) is still refused, so a foreign page cannot even make
 * an HR browser download (and audit) an export. Streamed: rows are written as each page arrives.
 */
export function mountExport(app: FastifyInstance, deps: { db: Db; env: Env }): void {
  app.get<{ Params: { file: string } }>('/api/export/cycles/:file', async (req, reply) => {
    const site = req.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return reply.code(403).send({ error: 'Cross-site export refused' });
    const token = sessionCookieFor(deps.env, req, reply).token;
    const session = token ? await lookupSession(deps.db, token, deps.env) : null;
    if (!session) return reply.code(401).send({ error: 'Please sign in' });
    if (session.role !== 'hr') return reply.code(403).send({ error: 'Only HR admins can export cycles' });
    const id = req.params.file.replace(/\.csv$/, '');
    if (!req.params.file.endsWith('.csv') || !UUID.test(id)) return reply.code(404).send({ error: 'No such export' });
    const rows = await deps.db.query<{ name: string; sections: Section[] }>(
      'select c.name, t.sections from review_cycle c join review_template t on t.id = c.template_id where c.id = $1',
      [id],
    );
    const cycle = rows[0];
    if (!cycle) return reply.code(404).send({ error: 'No such cycle' });
    await audit(deps.db, { actorId: session.personId, action: 'cycle.export', details: { cycleId: id, format: 'csv' } });
    const filename = `${cycle.name.replace(/[^\w.-]+/g, '-').slice(0, 80) || 'cycle'}.csv`;
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store');
    return reply.send(Readable.from(cycleCsv(deps.db, id, cycle.sections)));
  });
}
