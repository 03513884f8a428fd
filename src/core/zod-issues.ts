import { z } from 'zod';

/** A definition's problems as one line each with where it is (`steps[2].component: ...`): what the CLI and the app show. */
export function describeZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? `${z.core.toDotPath(issue.path)}: ` : ''}${issue.message}`)
    .join('; ');
}
