// Fixture for the end-to-end hover suite: status codes written as http-status-codes constants.
import { StatusCodes } from 'http-status-codes';
import type { Request, Response } from 'express';

export function createOrder(req: Request, res: Response): void {
  if (!req.body?.sku) {
    res.status(StatusCodes.BAD_REQUEST).json({ error: 'sku is required' });
    return;
  }
  if (req.body.sku === 'taken') {
    res.status(StatusCodes.CONFLICT).json({ error: 'Order already placed' });
    return;
  }
  res.status(StatusCodes.CREATED).location('/orders/1').json({ id: 1 });
}
