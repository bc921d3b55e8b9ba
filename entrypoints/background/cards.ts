// Context cards for actors, and the reader's disambiguation choices.
import type { Handlers } from './handlers';

const pending = async (): Promise<never> => {
  throw new Error('not available yet');
};

export const cardHandlers = {
  getCard: pending,
  chooseEntity: pending,
} satisfies Partial<Handlers>;
