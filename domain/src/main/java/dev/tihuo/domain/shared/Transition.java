package dev.tihuo.domain.shared;

import java.time.Instant;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/** One step in an aggregate's history, kept so operators can see how it got where it is. */
@ValueObject
public record Transition(String from, String to, String cause, Instant at) {
    public Transition {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(at, "at");
    }
}
