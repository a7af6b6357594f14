import { z } from 'zod';

/** An ad account id, with or without `act_`, stored bare. */
export const adAccountId = z
  .string()
  .regex(/^(act_)?\d+$/, 'an ad account id: digits, with or without act_')
  .transform((id) => id.replace(/^act_/, ''));
