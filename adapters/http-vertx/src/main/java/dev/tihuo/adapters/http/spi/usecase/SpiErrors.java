package dev.tihuo.adapters.http.spi.usecase;

import dev.tihuo.adapters.http.spi.SpiErrorCode;
import dev.tihuo.adapters.http.spi.SpiRejection;
import dev.tihuo.adapters.http.spi.body.InvalidFieldException;
import dev.tihuo.application.port.in.IdempotencyConflict;
import dev.tihuo.application.port.in.TryAgainLater;
import dev.tihuo.domain.shared.DomainException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where what the application throws becomes a D16 {@code error_code} (README-spi.md, "Error mapping").
 * Descriptions go to Douyin verbatim: business refusals get a fixed text (the domain's message, which may name our
 * own SKU ids or stock figures, is logged instead); only 40003 carries the domain's message, because it names the
 * problem with the request. Notification SPIs never leak a business code: the pipeline turns any rejection other
 * than 100/50000 into 0 "acknowledged" (logged), and 100/50000 into 100.
 */
public final class SpiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(SpiErrors.class);

    private SpiErrors() {}

    /** Runs a use case call and its mapping; anything thrown leaves as an {@link SpiRejection}. */
    public static <T> T translate(String spi, String logid, Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            throw rejection(spi, logid, e);
        }
    }

    public static void translate(String spi, String logid, Runnable work) {
        translate(spi, logid, () -> {
            work.run();
            return null;
        });
    }

    /** D16: the code (and the description Douyin sees) for an exception of a use case or of the mapping. */
    public static SpiRejection rejection(String spi, String logid, RuntimeException e) {
        if (e instanceof SpiRejection rejection) {
            return rejection;
        }
        if (e instanceof InvalidFieldException invalid) {
            return SpiRejection.malformed(invalid.getMessage());
        }
        if (e instanceof IdempotencyConflict) {
            LOG.info("{} refused with 40009 (logid {}): {}", spi, logid, e.getMessage());
            return SpiRejection.idempotencyConflict("the idempotency key was already used with a different request");
        }
        if (e instanceof TryAgainLater) {
            LOG.info("{} answered 100 (logid {}): {}", spi, logid, e.getMessage());
            return SpiRejection.retryLater("temporarily unable to process; please retry");
        }
        if (e instanceof DomainException domain) {
            SpiRejection mapped = switch (domain.reason()) {
                case UNKNOWN_SKU -> SpiRejection.unknownSkuOrStore("SKU is not mapped to a product of this merchant");
                case UNKNOWN_STORE -> SpiRejection.unknownSkuOrStore("poi_id is not mapped to a store of this merchant");
                case INSUFFICIENT_STOCK -> SpiRejection.outOfStock("insufficient stock at the chosen store");
                case UNKNOWN_ORDER -> SpiRejection.unknownOrder("unknown order");
                // A refund line naming a unit the order does not have is a request tihuo cannot read, not a fault.
                case INVALID_VALUE, CODE_MALFORMED, CODE_CHECK_FAILED, UNKNOWN_VOUCHER -> SpiRejection.malformed(
                        "invalid request: " + (domain.getMessage() == null ? domain.reason().name() : domain.getMessage()));
                case STALE_STATE, DUPLICATE -> SpiRejection.retryLater("temporarily unable to process; please retry");
                default -> null;
            };
            if (mapped != null) {
                LOG.info("{} refused with {} (logid {}): {} {}", spi, mapped.code().code(), logid, domain.reason(),
                        domain.getMessage());
                return mapped;
            }
        }
        LOG.error("{} failed unexpectedly (logid {}); answered 50000", spi, logid, e);
        return new SpiRejection(SpiErrorCode.INTERNAL_ERROR, "internal error");
    }
}
