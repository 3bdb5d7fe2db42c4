const express = require('express');
const { requireToken } = require('./middleware/auth');
const orders = require('./routes/orders');
const users = require('./routes/users');

const app = express();
app.use(express.json());
app.use('/orders', requireToken, orders);
app.use('/users', users);

app.get('/health', (req, res) => {
  res.sendStatus(204);
});

app.use((req, res) => {
  res.status(404).json({ error: 'No such route' });
});

// MISTAKE: the stack trace goes to the client.
app.use((err, req, res, next) => {
  res.status(500).json({ error: err.message, stack: err.stack });
});

app.listen(3000);
