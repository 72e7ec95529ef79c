package dev.tihuo.adapters.http.spi.body;

import java.util.List;

/** The small validator every request body uses: it knows the path of the object being checked. */
public final class Fields {
    private final String path;

    private Fields(String path) {
        this.path = path;
    }

    public static Fields root() {
        return new Fields("");
    }

    /** Validates a whole body. */
    public static void check(Validated body) {
        body.validate(root());
    }

    private String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private InvalidFieldException missing(String field) {
        return new InvalidFieldException(name(field), "is missing");
    }

    /** A required identifier: present and not blank. */
    public void id(String field, String value) {
        if (value == null) {
            throw missing(field);
        }
        if (value.isBlank()) {
            throw new InvalidFieldException(name(field), "must not be blank");
        }
    }

    /** A required text; may be empty. */
    public void text(String field, String value) {
        if (value == null) {
            throw missing(field);
        }
    }

    /** A required amount in fen, never negative. */
    public void amount(String field, Long value) {
        if (value == null) {
            throw missing(field);
        }
        optionalAmount(field, value);
    }

    public void optionalAmount(String field, Long value) {
        if (value != null && value < 0) {
            throw new InvalidFieldException(name(field), "must not be negative");
        }
    }

    /** A required quantity, at least 1. */
    public void count(String field, Integer value) {
        if (value == null) {
            throw missing(field);
        }
        if (value < 1) {
            throw new InvalidFieldException(name(field), "must be at least 1");
        }
    }

    /** A required number of any value (enums, timestamps). */
    public void number(String field, Number value) {
        if (value == null) {
            throw missing(field);
        }
    }

    public void object(String field, Validated value) {
        if (value == null) {
            throw missing(field);
        }
        value.validate(new Fields(name(field)));
    }

    public void optionalObject(String field, Validated value) {
        if (value != null) {
            value.validate(new Fields(name(field)));
        }
    }

    /** A required, non-empty list whose elements are present and valid. */
    public void list(String field, List<? extends Validated> values) {
        if (values == null) {
            throw missing(field);
        }
        if (values.isEmpty()) {
            throw new InvalidFieldException(name(field), "must not be empty");
        }
        optionalList(field, values);
    }

    public void optionalList(String field, List<? extends Validated> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            String element = name(field) + "[" + i + "]";
            Validated value = values.get(i);
            if (value == null) {
                throw new InvalidFieldException(element, "is missing");
            }
            value.validate(new Fields(element));
        }
    }
}
