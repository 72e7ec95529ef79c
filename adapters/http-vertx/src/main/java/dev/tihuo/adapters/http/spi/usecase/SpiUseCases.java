package dev.tihuo.adapters.http.spi.usecase;

import dev.tihuo.adapters.http.spi.SpiCall;
import dev.tihuo.adapters.http.spi.SpiErrorCode;
import dev.tihuo.adapters.http.spi.SpiHandlers;
import dev.tihuo.adapters.http.spi.SpiRejection;
import dev.tihuo.adapters.http.webhook.PoiChange;
import dev.tihuo.adapters.http.webhook.PoiChangeHandler;
import dev.tihuo.adapters.http.webhook.WebhookCall;
import dev.tihuo.application.port.in.spi.ApplyRefund;
import dev.tihuo.application.port.in.spi.ApplyReturn;
import dev.tihuo.application.port.in.spi.ChangePickupStore;
import dev.tihuo.application.port.in.spi.CreateOrder;
import dev.tihuo.application.port.in.spi.IssueCodes;
import dev.tihuo.application.port.in.spi.NotifyCancellation;
import dev.tihuo.application.port.in.spi.NotifyPayment;
import dev.tihuo.application.port.in.spi.NotifyRefund;
import dev.tihuo.application.port.in.spi.NotifyReturnTimeout;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPI door wired to the application: one {@link SpiHandlers} entry per SPI (S1–S8) and the W1 handler, each
 * mapping the wire record to its use case's command (MapStruct, {@link SpiRequestMapper}), calling the primary port,
 * and mapping the answer back ({@link SpiReplyMapper}). Every exception, from the mapping or the use case, goes
 * through {@link SpiErrors} (D16).
 *
 * <pre>{@code
 * SpiUseCases door = new SpiUseCases(orderService, orderService, orderService, issuingService,
 *         afterSaleService, afterSaleService, afterSaleService, afterSaleService, storeChangeService);
 * new SpiRoutes(vertx, apps, door.handlers(), spiSettings, meters).mountOn(router);
 * new WebhookRoutes(vertx, apps, inbox, door.poiChangeHandler(), webhookSettings, meters).mountOn(router);
 * }</pre>
 *
 * Handlers run on the SPI worker pool and call the (blocking, transactional) use cases directly.
 */
public final class SpiUseCases {
    private static final Logger LOG = LoggerFactory.getLogger(SpiUseCases.class);

    private final CreateOrder createOrder;
    private final NotifyPayment notifyPayment;
    private final NotifyCancellation notifyCancellation;
    private final IssueCodes issueCodes;
    private final ApplyRefund applyRefund;
    private final ApplyReturn applyReturn;
    private final NotifyRefund notifyRefund;
    private final NotifyReturnTimeout notifyReturnTimeout;
    private final ChangePickupStore changePickupStore;
    private final SpiRequestMapper in = SpiRequestMapper.INSTANCE;
    private final SpiReplyMapper out = SpiReplyMapper.INSTANCE;

    public SpiUseCases(CreateOrder createOrder, NotifyPayment notifyPayment, NotifyCancellation notifyCancellation,
                       IssueCodes issueCodes, ApplyRefund applyRefund, ApplyReturn applyReturn,
                       NotifyRefund notifyRefund, NotifyReturnTimeout notifyReturnTimeout,
                       ChangePickupStore changePickupStore) {
        this.createOrder = Objects.requireNonNull(createOrder, "CreateOrder");
        this.notifyPayment = Objects.requireNonNull(notifyPayment, "NotifyPayment");
        this.notifyCancellation = Objects.requireNonNull(notifyCancellation, "NotifyCancellation");
        this.issueCodes = Objects.requireNonNull(issueCodes, "IssueCodes");
        this.applyRefund = Objects.requireNonNull(applyRefund, "ApplyRefund");
        this.applyReturn = Objects.requireNonNull(applyReturn, "ApplyReturn");
        this.notifyRefund = Objects.requireNonNull(notifyRefund, "NotifyRefund");
        this.notifyReturnTimeout = Objects.requireNonNull(notifyReturnTimeout, "NotifyReturnTimeout");
        this.changePickupStore = Objects.requireNonNull(changePickupStore, "ChangePickupStore");
    }

    /** The eight SPI handlers, ready for {@code new SpiRoutes(vertx, apps, handlers(), settings, meters)}. */
    public SpiHandlers handlers() {
        return SpiHandlers.builder()
                .createOrder((request, call) -> translate(call,
                        () -> out.created(createOrder.create(in.createOrder(request)))))
                .payNotify((request, call) -> translate(call,
                        () -> notifyPayment.paid(in.payment(request))))
                .cancelNotify((request, call) -> translate(call,
                        () -> notifyCancellation.cancelled(in.cancellation(request))))
                .issueCodes((request, call) -> translate(call,
                        () -> out.issued(issueCodes.issue(in.issueCodes(request)))))
                .refundApply((request, call) -> translate(call,
                        () -> out.audit(applyRefund.apply(in.refundApplication(request)), request.orderId())))
                .refundNotify((request, call) -> translate(call,
                        () -> notifyRefund.refunded(in.refundNotice(request))))
                .returnApply((request, call) -> translate(call,
                        () -> out.audit(applyReturn.applyReturn(in.returnApplication(request)), request.orderId())))
                .returnTimeoutNotify((request, call) -> translate(call,
                        () -> notifyReturnTimeout.timedOut(in.returnTimeoutNotice(request))))
                .build();
    }

    /**
     * W1 (D13): move the reservation or flag the order. A refusal that a redelivery could change (100: unknown order
     * yet, lost race; 50000: unexpected) is thrown, so the webhook layer forgets the Msg-Id and answers 503 for
     * Douyin to redeliver; a deterministic refusal (e.g. a malformed id) is logged and acknowledged.
     */
    public PoiChangeHandler poiChangeHandler() {
        return this::onPoiChange;
    }

    private void onPoiChange(PoiChange change, WebhookCall call) {
        try {
            ChangePickupStore.Outcome outcome = changePickupStore.change(in.storeChange(change));
            LOG.info("W1 store change of order {} to poi {} (msg {}): {}", change.orderId(), change.newPoiId(),
                    call.msgId(), outcome);
        } catch (RuntimeException e) {
            SpiRejection rejection = SpiErrors.rejection("W1", call.logid(), e);
            if (rejection.code() == SpiErrorCode.RETRY || rejection.code() == SpiErrorCode.INTERNAL_ERROR) {
                throw rejection;
            }
            LOG.warn("W1 store change of order {} (msg {}) refused with {} ({}); acknowledged", change.orderId(),
                    call.msgId(), rejection.code().code(), rejection.description());
        }
    }

    private static <T> T translate(SpiCall call, java.util.function.Supplier<T> work) {
        return SpiErrors.translate(call.endpoint().spi(), call.logid(), work);
    }

    private static void translate(SpiCall call, Runnable work) {
        SpiErrors.translate(call.endpoint().spi(), call.logid(), work);
    }
}
