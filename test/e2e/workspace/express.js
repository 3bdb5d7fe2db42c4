// A small Express app (fixture of the e2e hover suite, which finds
// its targets by their first occurrence: keep them out of comments).
const express = require('express');

const app = express();
app.use(express.json());

const users = new Map();

app.post('/users', (req, res) => {
  const { email } = req.body;
  if (users.has(email)) {
    return res.status(409).json({ error: 'A user with this email already exists' });
  }
  users.set(email, { email });
  res.location(`/users/${encodeURIComponent(email)}`);
  res.status(201).json({ email });
});

app.get('/users/:email', (req, res) => {
  const user = users.get(req.params.email);
  if (!user) {
    return res.status(404).json({ error: 'Not found' });
  }
  res.json(user);
});

function flush() {
  users.clear();
}
setTimeout(flush, 500);

app.listen(3000);
console.log('listening on port 3000');
