import { describeError, type ErrorReport } from "@/lib/http/error-map";

/**
 * What a person is told when `promise` fails: its error through the one error map, as
 * actions and routes report it. Verbs throw their schema's ZodError for bad input, so a
 * test that asserts the status or the field errors of a refusal looks at this report.
 */
export function reported<T>(promise: Promise<T>): Promise<T> {
  return promise.catch((error: unknown) => {
    throw describeError(error) satisfies ErrorReport;
  });
}
