// Python service code in the Flask style: routes with methods, validation, abort(), HTTPStatus
// constants, try/except, plus helpers, classes, docstrings, comments and settings.
import { SLOT, type GenContext } from './generate';
import { NOUNS, nonstandardCode, pick } from './gen-words';

export function pythonHeader(_ctx: GenContext): string {
  return `"""Service endpoints. Generated for the benchmark; shaped like a real Flask module."""
import logging
import time
from http import HTTPStatus

from flask import Flask, abort, jsonify, make_response, request

from .infra import db

app = Flask(__name__)
log = logging.getLogger(__name__)
`;
}

export function pythonBlock(ctx: GenContext): string {
  const r = ctx.rnd.next();
  if (r < 0.45) return route(ctx);
  if (r < 0.65) return helper(ctx);
  if (r < 0.77) return klass(ctx);
  if (r < 0.88) return comment(ctx);
  return settings(ctx);
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

function route(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  const method = rnd.pick(METHODS);
  const missing = rnd.chance(0.5) ? 'HTTPStatus.NOT_FOUND' : '404';
  const lines = [
    '',
    '',
    `@app.route('/${noun}s/<int:item_id>', methods=['${method}'])`,
    `def ${method.toLowerCase()}_${noun}_${n}(item_id):`,
    `    """${method} one ${noun}; ${rnd.pick(['404 when it is missing', '400 on bad input', '409 on a conflict'])}."""`,
    `    if item_id <= 0:`,
    `        return jsonify(error='item_id must be positive'), 400`,
    `    item = db.${noun}s.get(item_id)`,
    `    if item is None:`,
    `        abort(${SLOT}${missing})`,
  ];
  if (method === 'POST') {
    lines.push(
      `    payload = request.get_json(silent=True)`,
      `    if not payload:`,
      `        return jsonify(error='a JSON body is required'), 400`,
      `    try:`,
      `        saved = db.${noun}s.insert(payload, parent=item_id)`,
      `    except Exception as exc:`,
      rnd.chance(0.2) ? `        return jsonify(error=str(exc)), 500` : `        log.exception('insert failed')\n        abort(${SLOT}500)`,
      rnd.chance(0.85)
        ? `    return jsonify(saved), 201, {'Location': f'/${noun}s/{saved["id"]}'}`
        : `    return jsonify(saved), 201`,
    );
  } else if (method === 'DELETE') {
    lines.push(`    db.${noun}s.delete(item_id)`, `    return '', HTTPStatus.NO_CONTENT`);
  } else if (method === 'GET') {
    lines.push(
      `    limit = min(int(request.args.get('limit', 50)), 500)`,
      `    return jsonify(item=item, limit=limit)`,
    );
  } else {
    lines.push(
      `    payload = request.get_json(silent=True) or {}`,
      `    if payload.get('version') != item['version']:`,
      `        return make_response(jsonify(error='version mismatch'), ${rnd.chance(0.03) ? nonstandardCode(rnd) : 409})`,
      `    updated = db.${noun}s.update(item_id, payload)`,
      `    return jsonify(updated), HTTPStatus.OK`,
    );
  }
  return lines.join('\n') + '\n';
}

function helper(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  return `

def normalize_${noun}_${n}(row, max_tags=${rnd.pick([10, 25, 100])}):
    # Keeps the first tags and trims long names; ${rnd.pick([200, 404, 500])} here is not a status.
    tags = [t.strip() for t in str(row.get('tags', '')).split(',') if t.strip()]
    for i, tag in enumerate(tags[:max_tags]):
        if len(tag) > ${rnd.pick([32, 64, 128])}:
            tags[i] = tag[:${rnd.pick([32, 64, 128])}]
    created = time.gmtime(int(row.get('created_at', 0)))
    return {'id': int(row['id']), 'tags': tags[:max_tags], 'created': time.strftime('%Y-%m-%d', created)}
`;
}

function klass(ctx: GenContext): string {
  const { rnd, n } = ctx;
  const noun = pick(rnd, NOUNS);
  return `

class ${noun[0].toUpperCase()}${noun.slice(1)}Cache${n}:
    """A small time-bounded cache in front of the ${noun} table."""

    def __init__(self, ttl_seconds=${rnd.pick([5, 30, 300])}, capacity=${rnd.pick([100, 1000, 5000])}):
        self.ttl = ttl_seconds
        self.capacity = capacity
        self.entries = {}

    def get(self, key):
        hit = self.entries.get(key)
        if hit is None or time.monotonic() - hit[1] > self.ttl:
            return None
        return hit[0]

    def put(self, key, value):
        if len(self.entries) >= self.capacity:
            self.entries.clear()
        self.entries[key] = (value, time.monotonic())
`;
}

function comment(ctx: GenContext): string {
  const { rnd } = ctx;
  return `

# ${rnd.pick(['Retries', 'Backs off', 'Gives up'])} after ${rnd.pick([3, 5, 10])} attempts: the upstream answers 503 or 429 when busy
# and 404 for ids it has never seen. Waits ${rnd.pick([200, 500, 1500])} ms between attempts.
`;
}

function settings(ctx: GenContext): string {
  const { rnd, n } = ctx;
  return `
SETTINGS_${n} = {
    'port': ${rnd.pick([3000, 8080, 443])},
    'timeout_ms': ${rnd.pick([500, 2000, 30000])},
    'retries': ${rnd.int(1, 5)},
    'max_body_bytes': ${rnd.pick([1024, 65536, 1048576])},
    'message': 'Service answers 503 while it warms up',
}
`;
}
