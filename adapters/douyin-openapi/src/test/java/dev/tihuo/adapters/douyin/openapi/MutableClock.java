package dev.tihuo.adapters.douyin.openapi;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock the test moves by hand. */
public final class MutableClock extends Clock {
    private volatile Instant now;

    public MutableClock(Instant start) { this.now = start; }

    public static MutableClock at(String iso) { return new MutableClock(Instant.parse(iso)); }

    public void advance(Duration d) { now = now.plus(d); }

    public void set(Instant i) { now = i; }

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
}
