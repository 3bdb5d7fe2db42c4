const express = require('express');
const { StatusCodes } = require('http-status-codes');

const router = express.Router();
const orders = new Map();
let nextId = 1;

router.get('/', (req, res) => {
  res.json([...orders.values()]);
});

router.get('/:id', (req, res) => {
  const order = orders.get(Number(req.params.id));
  if (!order) {
    return res.status(StatusCodes.NOT_FOUND).json({ error: 'Order not found' });
  }
  res.status(StatusCodes.OK).json(order);
});

router.post('/', (req, res) => {
  const { sku, quantity } = req.body;
  if (!sku || !Number.isInteger(quantity) || quantity < 1) {
    // MISTAKE: an error body sent with 200, so clients and monitoring see a success.
    return res.status(200).json({ error: 'sku and a positive quantity are required' });
  }
  const order = { id: nextId++, sku, quantity, state: 'open' };
  orders.set(order.id, order);
  // MISTAKE: 201 Created without a Location header pointing at the new order.
  res.status(201).json(order);
});

router.post('/:id/cancel', (req, res) => {
  const order = orders.get(Number(req.params.id));
  if (!order) {
    return res.status(StatusCodes.NOT_FOUND).json({ error: 'Order not found' });
  }
  if (order.state === 'shipped') {
    return res.status(409).json({ error: 'A shipped order cannot be cancelled' });
  }
  order.state = 'cancelled';
  res.json(order);
});

router.delete('/:id', (req, res) => {
  orders.delete(Number(req.params.id));
  res.status(204).end();
});

module.exports = router;
