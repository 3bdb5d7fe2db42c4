// Fixture for the diagnostics e2e suite: one response that sends a body with 204.
const express = require('express');

const app = express();

app.delete('/orders/:id', async (req, res) => {
  await removeOrder(req.params.id);
  res.status(204).json({ deleted: true });
});

async function removeOrder(id) {
  return id;
}

module.exports = app;
