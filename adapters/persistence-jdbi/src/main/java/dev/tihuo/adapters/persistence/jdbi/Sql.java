package dev.tihuo.adapters.persistence.jdbi;

import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.sql.SQLException;
import java.util.function.Supplier;

/** What the repositories share: the versioning contract's failures and the translation of unique violations. */
final class Sql {

    private Sql() {
    }

    static DomainException duplicate(String what) {
        return new DomainException(Reason.DUPLICATE, what + " exists already");
    }

    static DomainException stale(String what, long version) {
        return new DomainException(Reason.STALE_STATE, what + " was changed by someone else (saved from version " + version + ")");
    }

    /**
     * Runs a save; a unique violation (SQLState 23505 on both databases) that its {@code ON CONFLICT DO NOTHING}
     * inserts did not absorb (an UPDATE moving a POI or a pickup code onto a taken value) becomes DUPLICATE.
     */
    static <T> T saving(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            if (isUniqueViolation(e)) {
                DomainException duplicate = new DomainException(Reason.DUPLICATE, what + " clashes with a stored value");
                duplicate.initCause(e);
                throw duplicate;
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
