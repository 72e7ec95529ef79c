package dev.tihuo.domain.shared;

import java.util.Objects;

/** The one exception the model throws when it refuses a command; it always carries a stable {@link Reason}. */
public class DomainException extends RuntimeException {
    private final Reason reason;

    public DomainException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }

    /** A transition a state machine does not allow, naming the current state (spring-restbucks habit). */
    public static DomainException illegalTransition(String what, Enum<?> current, String command) {
        return new DomainException(Reason.ILLEGAL_TRANSITION, what + " in state " + current + " cannot " + command);
    }
}
