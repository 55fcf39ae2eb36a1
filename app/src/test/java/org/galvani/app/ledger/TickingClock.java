package org.galvani.app.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A wall clock for tests that advances one second every time it is read: every record has its own time. */
final class TickingClock extends Clock {

    private long millis = Instant.parse("2026-01-05T08:00:00Z").toEpochMilli();

    @Override
    public synchronized long millis() {
        millis += 1_000L;
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a test clock in UTC only");
    }
}
