// Fixture of the completion e2e suite: the file already uses StatusCodes, so completion
// writes constants.
import { StatusCodes } from 'http-status-codes';

export function register(app: any) {
  app.get('/items', (req: any, res: any) => {
    res.status(StatusCodes.OK).json([]);
  });
  app.put('/items/:id', (req: any, res: any) => {
    res.status();
  });
  app.delete('/items/:id', (req: any, res: any) => {
    res.status(422).end();
  });
}
