package dev.tihuo.domain.shared;

/** Guards for identifier strings: Douyin ids are opaque strings (19-digit values exceed 2^53). */
public final class Text {
    private static final int MAX_ID_LENGTH = 64;

    private Text() {}

    public static String requireId(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new DomainException(Reason.INVALID_VALUE, what + " must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_ID_LENGTH) {
            throw new DomainException(Reason.INVALID_VALUE, what + " is longer than " + MAX_ID_LENGTH + " characters");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new DomainException(Reason.INVALID_VALUE, what + " contains control characters");
            }
        }
        return trimmed;
    }

    public static String requireText(String value, String what, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new DomainException(Reason.INVALID_VALUE, what + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new DomainException(Reason.INVALID_VALUE, what + " is longer than " + maxLength + " characters");
        }
        return value.strip();
    }
}
