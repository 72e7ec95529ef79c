package dev.tihuo.simulator;

/** What a faulted OpenAPI call gets instead of its normal answer. */
public enum FaultKind {
  /** HTTP 503 with a non-JSON body, as a gateway in trouble answers. */
  HTTP_5XX,
  /** No answer at all: the connection is held, then closed (the caller's timeout fires first). */
  TIMEOUT,
  /** The call is processed, then the connection is closed before the reply: tests retry idempotency. */
  LOST_REPLY,
  /** HTTP 200, gateway layer 2100004 "system busy, retry" (openapi.md §2.3). */
  BUSY_2100004,
  /** HTTP 200, 2190008 access_token expired: the caller must refresh (openapi.md §2.3, D14). */
  TOKEN_EXPIRED,
  /** HTTP 200, 2190002 access_token invalid. */
  TOKEN_INVALID
}
