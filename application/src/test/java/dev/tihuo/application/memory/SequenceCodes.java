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
    private final java.util.Deque<PickupCode> forced = new java.util.ArrayDeque<>();

    public SequenceCodes(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public synchronized PickupCode next() {
        PickupCode code = forced.isEmpty() ? PickupCode.generate(random) : forced.poll();
        handedOut.add(code);
        return code;
    }

    /** The next codes handed out are these, in order (a clash with a stored code, say), then the sequence resumes. */
    public synchronized void handOutNext(PickupCode... codes) {
        forced.addAll(List.of(codes));
    }

    /** Every code generated so far, in order. */
    public synchronized List<PickupCode> handedOut() {
        return List.copyOf(handedOut);
    }
}
