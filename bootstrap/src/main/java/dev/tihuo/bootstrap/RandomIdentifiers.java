package dev.tihuo.bootstrap;

import dev.tihuo.application.port.out.CodeGenerator;
import dev.tihuo.application.port.out.Identifiers;
import dev.tihuo.domain.order.OrderOutId;
import dev.tihuo.domain.voucher.PickupCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Production identifiers: pickup codes from a {@link SecureRandom} (D5), order ids that sort by time and cannot be
 * guessed ("TH" + base-36 milliseconds + 8 random base-36 characters), verify tokens as random UUIDs (D15).
 */
final class RandomIdentifiers implements Identifiers, CodeGenerator {
    private static final String BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    RandomIdentifiers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public PickupCode next() {
        return PickupCode.generate(random);
    }

    @Override
    public OrderOutId nextOrderOutId() {
        StringBuilder id = new StringBuilder("TH").append(Long.toString(clock.millis(), 36).toUpperCase());
        for (int i = 0; i < 8; i++) {
            id.append(BASE36.charAt(random.nextInt(BASE36.length())));
        }
        return new OrderOutId(id.toString());
    }

    @Override
    public String nextVerifyToken() {
        return UUID.randomUUID().toString();
    }
}
