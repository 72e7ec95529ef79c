package dev.tihuo.simulator;

/**
 * Error codes the simulator answers with. The first group is Douyin's (openapi.md §2.3). Per-API business codes
 * of the pickup pages are not published (openapi.md §10), so the 2119xxx group is the simulator's own: stable,
 * distinct and named, so tests can tell the rules apart. A client must treat any non-zero code as failure.
 */
public final class SimErrors {
  // Douyin's own (openapi.md §2.3)
  public static final int SYSTEM_BUSY = 2100004;
  public static final int INVALID_PARAMETER = 2100005;
  public static final int NO_PERMISSION = 2100007;
  public static final int TOKEN_INVALID = 2190002;
  public static final int TOKEN_EXPIRED = 2190008;
  // OAuth (openapi.md §3)
  public static final int OAUTH_PARAMETER = 10002;
  public static final int OAUTH_NO_CLIENT_KEY = 10003;
  public static final int OAUTH_WRONG_SECRET = 10013;
  public static final int OAUTH_TOO_OFTEN = 10020;
  // simulator-only business codes
  public static final int ALREADY_VERIFIED = 2119001;
  public static final int CANCEL_WINDOW_CLOSED = 2119002;
  public static final int CALLBACK_NOT_EXPECTED = 2119003;
  public static final int CALLBACK_WINDOW_CLOSED = 2119004;
  public static final int AFTER_SALE_NOT_OPEN = 2119005;
  public static final int NOT_FOUND = 2119006;
  public static final int VERIFY_TOKEN_UNUSABLE = 2119007;
  public static final int CERTIFICATE_NOT_VERIFIABLE = 2119008;
  public static final int NO_USABLE_CERTIFICATE = 2119009;
  public static final int CODE_REQUIRED = 2119010;
  public static final int ALREADY_CANCELLED = 2119011;

  private SimErrors() {}
}
