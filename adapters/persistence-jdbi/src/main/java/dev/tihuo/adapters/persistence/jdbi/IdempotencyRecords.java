package dev.tihuo.adapters.persistence.jdbi;

import java.util.Optional;

/** Outgoing persistence port for idempotency records (stand-in until the application's port exists). */
public interface IdempotencyRecords {

    Optional<IdempotencyRecord> find(String accountId, String operation, String key);

    /**
     * Stores the candidate unless a record already exists for its (account, operation, key): the first
     * answer wins. Returns the record that was already there, or empty when the candidate was stored.
     * Inside a unit of work, waits for a concurrent writer of the same key to finish first.
     */
    Optional<IdempotencyRecord> saveFirst(IdempotencyRecord candidate);
}
