// A malformed query: the parser throws it, and every search backend turns it into SearchResponse.error.
import type { QueryProblem } from '../model/search.js';

/** A malformed query. Never escapes the search function: it becomes `SearchResponse.error`. */
export class QueryError extends Error {
  constructor(
    message: string,
    readonly position?: number,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'QueryError';
  }

  toProblem(): QueryProblem {
    return {
      message: this.message,
      ...(this.position !== undefined ? { position: this.position } : {}),
      ...(this.hint ? { hint: this.hint } : {}),
    };
  }
}
