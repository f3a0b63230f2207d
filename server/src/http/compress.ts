import { constants } from 'node:zlib';
import fastifyCompress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** Under this many bytes an answer is sent as it is: compressing it would save less than it costs. */
export const COMPRESS_THRESHOLD = 1024;

const isEventStream = (type: unknown) => typeof type === 'string' && type.startsWith('text/event-stream');

/**
 * API answers compressed on the fly (brotli at a fast level, else gzip) when over ~1 KB: pull pages, exports,
 * directory lists. The built PWA's files come compressed from the build (static.ts); this leaves them alone,
 * since they already carry Content-Encoding. Server-sent events are never compressed (a compressor holds
 * bytes back until it has enough to emit, and each live poke must leave at once), which @fastify/compress's
 * default types already exclude.
 *
 * tRPC hands Fastify a fetch `Response` whose body is a stream, and a stream of unknown length is compressed
 * whatever its size. Its JSON answers are complete strings anyway, so they are read here (an event stream
 * never is) and reach the compressor as a buffer: the threshold then applies and the length is known.
 */
export async function compressAnswers(app: FastifyInstance): Promise<void> {
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!(payload instanceof Response) || isEventStream(payload.headers.get('content-type'))) return payload;
    reply.code(payload.status);
    for (const [name, value] of payload.headers) reply.header(name, value);
    return Buffer.from(await payload.arrayBuffer());
  });
  await app.register(fastifyCompress, {
    global: true,
    threshold: COMPRESS_THRESHOLD,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    // Requests are never compressed by our client; a compressed body would only be a way around the body limit.
    globalDecompression: false,
  });
}
