import { z } from 'zod';

/** Every relay error: look `code` up in the error catalog for its title and fix. */
export const errorResponse = z.object({
  error: z
    .object({
      code: z.string().describe('Stable code from the error catalog (shared/error-catalog.ts).'),
      message: z.string().describe('What went wrong, for developers.'),
      requestId: z.string().describe("Quote it to the relay's operator: it finds the log lines."),
      fields: z
        .array(z.object({ path: z.string(), message: z.string() }))
        .optional()
        .describe('validation_failed only: each invalid field.'),
      limitBytes: z
        .number()
        .int()
        .optional()
        .describe('payload_too_large and upload_too_large only.'),
    })
    .catchall(z.unknown()),
});
export type ErrorResponse = z.infer<typeof errorResponse>;
