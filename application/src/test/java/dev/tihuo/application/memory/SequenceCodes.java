package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.CodeGenerator;
import dev.tihuo.domain.voucher.PickupCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Deterministic pickup codes for tests: the same seed gives the same codes in the same order. */
public final class SequenceCodes implements CodeGenerator {
    private final Random random;
    private final List<PickupCode> handedOut = new ArrayList<>();

    public SequenceCodes(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized PickupCode next() {
        PickupCode code = PickupCode.generate(random);
        handedOut.add(code);
        return code;
    }

    /** Every code generated so far, in order. */
    public synchronized List<PickupCode> handedOut() {
        return List.copyOf(handedOut);
    }
}
