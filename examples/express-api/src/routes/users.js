const express = require('express');

const router = express.Router();
const users = new Map();

router.post('/', (req, res) => {
  const { email, name } = req.body;
  if (!email) {
    return res.status(422).json({ error: 'email is required' });
  }
  if (users.has(email)) {
    return res.status(409).json({ error: 'A user with this email already exists' });
  }
  users.set(email, { email, name });
  res.location(`/users/${encodeURIComponent(email)}`);
  res.status(201).json({ email, name });
});

router.get('/:email', (req, res) => {
  const user = users.get(req.params.email);
  if (!user) {
    return res.status(404).json({ error: 'User not found' });
  }
  res.json(user);
});

router.put('/:email', (req, res) => {
  res.set('Allow', 'GET, POST');
  res.status(405).json({ error: 'Users are replaced by POST' });
});

module.exports = router;
