'use strict';
// The side-by-side routes on Fastify 5, written as a Fastify user would: JSON schemas for the inputs
// (Ajv) and for the outputs (fast-json-stringify), validation failures answered 422 as FastAPI does.
// /sync-sleep is not served: Node has no worker pool for plain handlers, and a blocked event loop
// would spoil every later measurement.
//
// Usage: node server.js --port N [--host 127.0.0.1]

const { setTimeout: sleep } = require('node:timers/promises');
const Fastify = require('fastify');

function option(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const port = Number.parseInt(option('--port', ''), 10);
const host = option('--host', '127.0.0.1');
if (!Number.isInteger(port)) {
  console.error('usage: node server.js --port N [--host H]');
  process.exit(2);
}

const app = Fastify({ logger: false, bodyLimit: 1 << 20 });

app.setErrorHandler((error, request, reply) => {
  if (error.validation) {
    const where = error.validationContext || 'body';
    reply.code(422).send({
      detail: error.validation.map((e) => ({
        type: e.keyword,
        loc: [where === 'params' ? 'path' : where, ...e.instancePath.split('/').filter(Boolean),
          ...(e.params && e.params.missingProperty ? [e.params.missingProperty] : [])],
        msg: e.message,
      })),
    });
    return;
  }
  if (error.statusCode === 400 && error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    reply.code(422).send({ detail: [{ type: 'json_invalid', loc: ['body'], msg: error.message }] });
    return;
  }
  reply.send(error);
});

const message = { type: 'object', properties: { message: { type: 'string' } } };
const result = { type: 'object', properties: { result: { type: 'string' } } };

app.get('/plaintext', async (request, reply) => {
  reply.type('text/plain; charset=utf-8');
  return 'Hello, World!';
});

app.get('/json', { schema: { response: { 200: message } } }, async () => ({ message: 'Hello, World!' }));

app.get('/items/:id', {
  schema: {
    params: {
      type: 'object',
      properties: { id: { type: 'integer', minimum: -2147483648, maximum: 2147483647 } },
      required: ['id'],
    },
    querystring: { type: 'object', properties: { q: { type: 'string' } } },
    response: {
      200: {
        type: 'object',
        properties: { id: { type: 'integer' }, q: { type: ['string', 'null'] } },
        required: ['id', 'q'],
      },
    },
  },
}, async (request) => ({ id: request.params.id, q: request.query.q ?? null }));

app.post('/items', {
  schema: {
    body: {
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1, pattern: '\\S' },
        price: { type: 'number', exclusiveMinimum: 0 },
      },
      required: ['name', 'price'],
    },
    response: {
      201: {
        type: 'object',
        properties: { id: { type: 'integer' }, name: { type: 'string' }, price: { type: 'number' } },
      },
    },
  },
}, async (request, reply) => {
  reply.code(201);
  return { id: 1, name: request.body.name, price: request.body.price };
});

app.get('/async-sleep', { schema: { response: { 200: result } } }, async () => {
  await sleep(100);
  return { result: 'async' };
});

app.listen({ port, host }).then(
  () => console.log(`fastify-peer listening on http://${host}:${port} (Fastify ${app.version}, Node.js ${process.version})`),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);

for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => app.close().then(() => process.exit(0)));
}
