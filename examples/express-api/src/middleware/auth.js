const TOKENS = new Set(['demo-token']);

function requireToken(req, res, next) {
  const header = req.get('Authorization') ?? '';
  const token = header.replace(/^Bearer /, '');
  if (!TOKENS.has(token)) {
    // MISTAKE: 401 without a WWW-Authenticate header telling the client how to authenticate.
    return res.status(401).json({ error: 'Missing or invalid token' });
  }
  next();
}

module.exports = { requireToken };
