package dev.tihuo.domain.voucher;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * A third-party pickup code (三方码) as tihuo issues it (D5).
 *
 * <p>Twelve random symbols from a 31-symbol alphabet without look-alikes (no 0/O, 1/I/L): 12 × log2(31) ≈ 59.4 bits,
 * above the 56 bits D5 asks for. A thirteenth check symbol is the position-weighted sum of the others modulo 31;
 * because 31 is prime and the weights 1..12 are distinct and non-zero, every single-symbol substitution and every
 * swap of two neighbours changes the sum, so a mistyped code is refused before any lookup. Parsing ignores case,
 * spaces and hyphens, which clerks and printed receipts add.
 */
@ValueObject
public record PickupCode(String value) {
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    public static final int RANDOM_LENGTH = 12;
    public static final int LENGTH = RANDOM_LENGTH + 1;
    private static final int BASE = ALPHABET.length();

    public PickupCode {
        Objects.requireNonNull(value, "code");
        DomainException problem = check(value);
        if (problem != null) {
            throw new DomainException(problem.reason(), "not a valid pickup code: " + problem.getMessage());
        }
    }

    /** Reads a code as a clerk typed it, or says precisely why it is not one. */
    public static PickupCode parse(String typed) {
        if (typed == null) {
            throw new DomainException(Reason.CODE_MALFORMED, "no code given");
        }
        String normalised = normalise(typed);
        DomainException problem = check(normalised);
        if (problem != null) {
            throw problem;
        }
        return new PickupCode(normalised);
    }

    /** A fresh code from the given generator; production passes a {@link java.security.SecureRandom}. */
    public static PickupCode generate(RandomGenerator random) {
        while (true) {
            char[] symbols = new char[LENGTH];
            for (int i = 0; i < RANDOM_LENGTH; i++) {
                symbols[i] = ALPHABET.charAt(random.nextInt(BASE));
            }
            symbols[RANDOM_LENGTH] = checkSymbol(new String(symbols, 0, RANDOM_LENGTH));
            String value = new String(symbols);
            if (looksLikeOurs(value)) { // all digits (odds 1 in 50 million) would read as a Douyin code
                return new PickupCode(value);
            }
        }
    }

    /**
     * Whether a typed text is meant as one of our codes rather than Douyin's: Douyin's codes are digits only (12 when
     * typed) and its QR payloads are links, so anything else is ours, and a mistyped one is refused as such.
     */
    public static boolean looksLikeOurs(String typed) {
        if (typed == null) {
            return false;
        }
        String t = typed.strip();
        boolean digitsOnly = !t.isEmpty() && t.chars().allMatch(c -> c >= '0' && c <= '9');
        boolean link = t.startsWith("http://") || t.startsWith("https://");
        return !digitsOnly && !link;
    }

    /** The code in groups of four for printing and reading aloud, e.g. {@code 7KQ4-M2XC-9RTD-H}. */
    public String grouped() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append('-');
            }
            out.append(value.charAt(i));
        }
        return out.toString();
    }

    private static String normalise(String typed) {
        StringBuilder out = new StringBuilder(typed.length());
        for (int i = 0; i < typed.length(); i++) {
            char c = typed.charAt(i);
            if (c == ' ' || c == '-') {
                continue;
            }
            out.append(c >= 'a' && c <= 'z' ? (char) (c - 'a' + 'A') : c);
        }
        return out.toString();
    }

    /** Null when the text is a well-formed code; otherwise the refusal saying why it is not. */
    private static DomainException check(String value) {
        if (value.length() != LENGTH) {
            return new DomainException(Reason.CODE_MALFORMED,
                    "a pickup code has " + LENGTH + " characters, this one has " + value.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return new DomainException(Reason.CODE_MALFORMED, "character " + (i + 1) + " is not used in pickup codes");
            }
        }
        if (checkSymbol(value.substring(0, RANDOM_LENGTH)) != value.charAt(RANDOM_LENGTH)) {
            return new DomainException(Reason.CODE_CHECK_FAILED, "check character does not match: the code was mistyped");
        }
        return null;
    }

    private static char checkSymbol(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (i + 1) * ALPHABET.indexOf(body.charAt(i));
        }
        return ALPHABET.charAt(sum % BASE);
    }

    @Override
    public String toString() {
        return value;
    }
}
