// JavaScript / TypeScript service code in the Express style: route handlers with validation,
// not-found checks, try/catch, constants and numbers, plus helpers, classes, config and
// comments. A few handlers carry the mistakes the rules look for, as real code does.
import { SLOT, type GenContext } from './generate';
import { NOUNS, nonstandardCode, pick } from './gen-words';

export function javascriptHeader(ctx: GenContext): string {
  if (ctx.ts) {
    return `import express, { type Request, type Response, type NextFunction } from 'express';
import { StatusCodes } from 'http-status-codes';
import { db, logger } from './infra';

const app = express();
app.use(express.json({ limit: '1mb' }));
`;
  }
  return `'use strict';
const express = require('express');
const { StatusCodes } = require('http-status-codes');
const { db, logger } = require('./infra');

const app = express();
app.use(express.json({ limit: '1mb' }));
`;
}

export function javascriptBlock(ctx: GenContext): string {
  const r = ctx.rnd.next();
  if (r < 0.42) return handler(ctx);
  if (r < 0.62) return helper(ctx);
  if (r < 0.72) return service(ctx);
  if (r < 0.82) return comment(ctx);
  if (r < 0.92) return config(ctx);
  return middleware(ctx);
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function handler(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  const method = rnd.pick(METHODS);
  const params = ctx.ts ? 'req: Request, res: Response' : 'req, res';
  const ret = ctx.ts ? ': Promise<void>' : '';
  const notFound = rnd.chance(0.5) ? 'StatusCodes.NOT_FOUND' : '404';
  const lines: string[] = [
    '',
    '/**',
    ` * ${method.toUpperCase()} /${noun}s/:id: ${rnd.pick(['reads', 'changes', 'replaces', 'removes', 'creates'])} one ${noun}.`,
    ` * Answers ${rnd.pick(['404 when it is missing', '400 on bad input', '409 on a conflict'])}.`,
    ' */',
    `app.${method}('/${noun}s/:id', async (${params})${ret} => {`,
    `  const id = Number(req.params.id);`,
    `  if (!Number.isInteger(id) || id <= 0) {`,
    `    res.status(${SLOT}400).json({ error: 'id must be a positive integer' });`,
    `    return;`,
    `  }`,
    `  try {`,
    `    const ${noun} = await db.${noun}s.find(id);`,
    `    if (!${noun}) {`,
    `      res.status(${SLOT}${notFound}).json({ error: '${noun} ${n} not found' });`,
    `      return;`,
    `    }`,
  ];
  if (method === 'post') {
    const located = rnd.chance(0.85);
    lines.push(
      `    const saved = await db.${noun}s.insert({ ...req.body, parent: ${noun}.id });`,
      located
        ? `    res.status(${SLOT}201).location(\`/${noun}s/\${saved.id}\`).json(saved);`
        : `    res.status(${SLOT}201).json(saved);`,
    );
  } else if (method === 'delete') {
    lines.push(`    await db.${noun}s.remove(id);`, `    res.sendStatus(${SLOT}204);`);
  } else if (method === 'get') {
    const odd = rnd.chance(0.04);
    lines.push(
      `    const page = Math.min(Number(req.query.limit ?? 50), 500);`,
      odd ? `    res.status(${SLOT}200).json({ error: 'stale ${noun}', retryIn: 30 });` : `    res.status(${SLOT}200).json({ ...${noun}, page });`,
    );
  } else {
    const conflict = rnd.chance(0.3);
    if (conflict) {
      lines.push(
        `    if (${noun}.version !== req.body.version) {`,
        `      res.status(${SLOT}409).json({ error: 'version mismatch', current: ${noun}.version });`,
        `      return;`,
        `    }`,
      );
    }
    lines.push(`    const updated = await db.${noun}s.update(id, req.body);`, `    res.json(updated);`);
  }
  const leak = rnd.chance(0.15);
  const status = rnd.chance(0.03) ? nonstandardCode(rnd) : rnd.chance(0.5) ? 'StatusCodes.INTERNAL_SERVER_ERROR' : '500';
  lines.push(
    `  } catch (err) {`,
    `    logger.error({ err, id }, 'request failed');`,
    leak ? `    res.status(${SLOT}${status}).json({ error: err.message, stack: err.stack });` : `    res.status(${SLOT}${status}).json({ error: 'internal error' });`,
    `  }`,
    `});`,
    '',
  );
  return lines.join('\n');
}

function helper(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  const limit = rnd.pick([10, 25, 100, 256, 1000, 4096]);
  const t = ctx.ts;
  return `
// Normalises a ${noun} from the database; keeps at most ${limit} tags.
function normalize${cap(noun)}${n}(row${t ? ': Record<string, unknown>' : ''})${t ? `: ${cap(noun)}View` : ''} {
  const tags = String(row.tags ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const out = { id: Number(row.id), name: String(row.name ?? ''), tags: tags.slice(0, ${limit}) };
  for (let i = 0; i < out.tags.length; i++) {
    if (out.tags[i].length > ${rnd.pick([32, 64, 128])}) out.tags[i] = out.tags[i].slice(0, ${rnd.pick([32, 64, 128])});
  }
  const createdAt = new Date(Number(row.created_at ?? 0) * 1000);
  return { ...out, createdAt: createdAt.toISOString(), ttl: ${rnd.pick([300, 3600, 86400])} };
}
`;
}

function service(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  const t = ctx.ts;
  return `
${t ? `export interface ${cap(noun)}View {\n  id: number;\n  name: string;\n  tags: string[];\n}\n\n` : ''}class ${cap(noun)}Cache${n} {
  ${t ? 'private readonly entries = new Map<number, { value: unknown; at: number }>();' : 'entries = new Map();'}

  constructor(${t ? 'private readonly ttlMs = ' : 'ttlMs = '}${rnd.pick([500, 1000, 30000, 60000])}) {
    ${t ? '' : 'this.ttlMs = ttlMs;'}
  }

  get(id${t ? ': number' : ''}) {
    const hit = this.entries.get(id);
    if (!hit || Date.now() - hit.at > this.ttlMs) return undefined;
    return hit.value;
  }

  set(id${t ? ': number' : ''}, value${t ? ': unknown' : ''}) {
    if (this.entries.size >= ${rnd.pick([100, 1000, 5000])}) this.entries.clear();
    this.entries.set(id, { value, at: Date.now() });
  }
}
`;
}

function comment(ctx: GenContext): string {
  const { rnd } = ctx;
  return `
// ${rnd.pick(['Retries', 'Backs off', 'Gives up'])} after ${rnd.pick([3, 5, 10])} attempts; the upstream answers 503 or 429 when busy,
// and 404 for ids it has never seen. Waits ${rnd.pick([200, 500, 1500])} ms between attempts.
// TODO(${rnd.pick(['ana', 'bo', 'chen', 'dee'])}): move this to the shared client once #${rnd.int(100, 999)} lands.
`;
}

function config(ctx: GenContext): string {
  const { rnd, n } = ctx;
  return `
const settings${n} = {
  port: ${rnd.pick([3000, 8080, 443])},
  timeoutMs: ${rnd.pick([500, 2000, 30000])},
  retries: ${rnd.int(1, 5)},
  maxBodyBytes: ${rnd.pick([1024, 65536, 1048576])},
  regions: ['eu-west-1', 'us-east-${rnd.int(1, 2)}'],
  message: 'Service answers 503 while it warms up',
};
`;
}

function middleware(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const t = ctx.ts;
  const challenge = rnd.chance(0.8);
  return `
function requireToken${n}(req${t ? ': Request' : ''}, res${t ? ': Response' : ''}, next${t ? ': NextFunction' : ''}) {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) {
${challenge ? "    res.set('WWW-Authenticate', 'Bearer realm=\"api\"');\n" : ''}    res.status(${SLOT}401).json({ error: 'missing token' });
    return;
  }
  if (header.length > ${rnd.pick([2048, 4096, 8192])}) {
    res.status(${SLOT}431).json({ error: 'token too long' });
    return;
  }
  next();
}
app.use('/${pick(rnd, NOUNS)}s', requireToken${n});
`;
}

function cap(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}
