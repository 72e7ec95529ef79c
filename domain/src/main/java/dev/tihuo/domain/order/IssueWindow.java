package dev.tihuo.domain.order;

import java.time.Duration;

/** spi.md §5.4: after answering "issuing", the callback (O1) must reach Douyin within 10 minutes of the request. */
public final class IssueWindow {
    public static final Duration LENGTH = Duration.ofMinutes(10);

    private IssueWindow() {}
}
