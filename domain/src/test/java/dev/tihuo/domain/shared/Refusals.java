package dev.tihuo.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that the model refused a command with the one domain exception and a stable reason. */
public final class Refusals {
    private Refusals() {}

    public static void assertRefused(Reason expected, ThrowingCallable command) {
        assertThatThrownBy(command)
                .isExactlyInstanceOf(DomainException.class)
                .satisfies(e -> assertThat(((DomainException) e).reason()).as("reason of: " + e.getMessage()).isEqualTo(expected));
    }
}
