package dev.tihuo.application.service;

import dev.tihuo.application.port.in.IdempotencyConflict;
import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.application.port.out.IdempotencyRecords;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs an SPI use case at most once per idempotency key (spi.md §2): the first answer is stored with a fingerprint
 * of the request in the same transaction as the state change; a retry with the same request gets the stored
 * answer, a retry with another request gets {@link IdempotencyConflict} and changes nothing.
 *
 * <p>The fingerprint is a SHA-256 of the command's {@code toString()}: commands are records of value records, so the
 * text is their content, independent of the JSON's key order and whitespace. Two requests racing on one key both
 * run; the loser's insert fails (DUPLICATE), it rolls back, and its retry finds the winner's answer.
 *
 * <p>A first attempt does not look for a stored answer: it runs the change and lets the record's insert tell a new
 * key from a known one. Any failure of that attempt (a known key, a lost race, a refusal) rolls it back whole and
 * the request runs again on the careful path, which reads the stored answer first; so replays and refusals cost
 * two attempts, and the common case one read less.
 */
final class Idempotency {
    private static final int ATTEMPTS = 8;

    private final IdempotencyRecords records;
    private final UnitOfWork unitOfWork;
    private final Clock clock;

    Idempotency(IdempotencyRecords records, UnitOfWork unitOfWork, Clock clock) {
        this.records = records;
        this.unitOfWork = unitOfWork;
        this.clock = clock;
    }

    <R> R once(String merchant, String operation, String key, Object request, Class<R> answerType, Supplier<R> work) {
        return once(operation, key, request, answerType, recorder -> recorder.once(merchant, work));
    }

    /**
     * The same as {@link #once} for a use case that learns its merchant (part of the key) only from what it loads:
     * {@code work} gets a {@link Recorder} to call with the merchant once it knows it, all in one transaction, so
     * the aggregate is loaded once rather than once for the key and again for the work.
     */
    <R> R once(String operation, String key, Object request, Class<R> answerType, Function<Recorder<R>, R> work) {
        String fingerprint = fingerprint(request);
        try {
            return unitOfWork.inTransaction(
                    () -> work.apply((merchant, change) -> firstTime(merchant, operation, key, fingerprint, change)));
        } catch (RuntimeException notFirstOrRefused) {
            // A replay (the record's insert found one), a race lost, or a refusal: nothing of that attempt was
            // kept. The careful path below looks for a stored answer first and gives the answer the protocol
            // wants, as it did for every request before.
        }
        return retryingConflicts(() -> unitOfWork.inTransaction(
                () -> work.apply((merchant, change) -> recorded(merchant, operation, key, fingerprint, answerType, change))));
    }

    /** Runs a change at most once under the key of a merchant, inside the caller's transaction. */
    @FunctionalInterface
    interface Recorder<R> {
        R once(String merchant, Supplier<R> change);
    }

    /**
     * The common case, a request seen for the first time, without reading for a stored answer first: the change
     * runs, and the record's insert finds out whether the key was new. If it was not, that insert fails (DUPLICATE)
     * and the whole transaction rolls back, so a replay never changes anything. This saves a read per SPI call.
     */
    private <R> R firstTime(String merchant, String operation, String key, String fingerprint, Supplier<R> work) {
        R answer = work.get();
        records.save(merchant, operation, key, fingerprint, answer, clock.instant());
        return answer;
    }

    private <R> R recorded(String merchant, String operation, String key, String fingerprint, Class<R> answerType,
                           Supplier<R> work) {
        var stored = records.find(merchant, operation, key, answerType);
        if (stored.isPresent()) {
            if (!stored.get().fingerprint().equals(fingerprint)) {
                throw new IdempotencyConflict(operation, key);
            }
            return stored.get().answer();
        }
        R answer = work.get();
        records.save(merchant, operation, key, fingerprint, answer, clock.instant());
        return answer;
    }

    /** Runs a unit of work again when it lost a race (stale version or duplicate insert); bounded. */
    <R> R retryingConflicts(Supplier<R> transaction) {
        DomainException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                return transaction.get();
            } catch (DomainException e) {
                if (e.reason() != Reason.STALE_STATE && e.reason() != Reason.DUPLICATE) {
                    throw e;
                }
                last = e;
                Thread.onSpinWait();
            }
        }
        throw new TryAgainLater("too much contention: " + last.getMessage());
    }

    static String fingerprint(Object request) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(request.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
