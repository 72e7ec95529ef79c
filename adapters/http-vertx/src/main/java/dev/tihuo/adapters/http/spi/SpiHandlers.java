package dev.tihuo.adapters.http.spi;

import dev.tihuo.adapters.http.spi.body.Acknowledged;
import dev.tihuo.adapters.http.spi.body.AuditReply;
import dev.tihuo.adapters.http.spi.body.CancelNotifyRequest;
import dev.tihuo.adapters.http.spi.body.CreateOrderReply;
import dev.tihuo.adapters.http.spi.body.CreateOrderRequest;
import dev.tihuo.adapters.http.spi.body.IssueCodesReply;
import dev.tihuo.adapters.http.spi.body.IssueCodesRequest;
import dev.tihuo.adapters.http.spi.body.PayNotifyRequest;
import dev.tihuo.adapters.http.spi.body.RefundApplyRequest;
import dev.tihuo.adapters.http.spi.body.RefundNotifyRequest;
import dev.tihuo.adapters.http.spi.body.ReturnApplyRequest;
import dev.tihuo.adapters.http.spi.body.ReturnTimeoutNotice;
import dev.tihuo.adapters.http.spi.body.SpiReply;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** One handler per SPI; {@link Builder#build()} refuses a missing one so no endpoint is mounted half-wired. */
public final class SpiHandlers {
    /** A handler seen by the pipeline: untyped body in, reply out. */
    interface Invoker {
        SpiReply invoke(Object request, SpiCall call);
    }

    private final Map<SpiEndpoint, Invoker> invokers;

    private SpiHandlers(Map<SpiEndpoint, Invoker> invokers) {
        this.invokers = invokers;
    }

    public static Builder builder() {
        return new Builder();
    }

    Invoker invoker(SpiEndpoint endpoint) {
        return invokers.get(endpoint);
    }

    public static final class Builder {
        private final Map<SpiEndpoint, Invoker> invokers = new EnumMap<>(SpiEndpoint.class);

        private Builder() {}

        public Builder createOrder(SpiHandler<CreateOrderRequest, CreateOrderReply> h) {
            return reply(SpiEndpoint.CREATE_ORDER, CreateOrderRequest.class, h);
        }

        public Builder payNotify(SpiNotificationHandler<PayNotifyRequest> h) {
            return notification(SpiEndpoint.PAY_NOTIFY, PayNotifyRequest.class, h);
        }

        public Builder cancelNotify(SpiNotificationHandler<CancelNotifyRequest> h) {
            return notification(SpiEndpoint.CANCEL_NOTIFY, CancelNotifyRequest.class, h);
        }

        public Builder issueCodes(SpiHandler<IssueCodesRequest, IssueCodesReply> h) {
            return reply(SpiEndpoint.ISSUE_CODES, IssueCodesRequest.class, h);
        }

        public Builder refundApply(SpiHandler<RefundApplyRequest, AuditReply> h) {
            return reply(SpiEndpoint.REFUND_APPLY, RefundApplyRequest.class, h);
        }

        public Builder refundNotify(SpiNotificationHandler<RefundNotifyRequest> h) {
            return notification(SpiEndpoint.REFUND_NOTIFY, RefundNotifyRequest.class, h);
        }

        public Builder returnApply(SpiHandler<ReturnApplyRequest, AuditReply> h) {
            return reply(SpiEndpoint.RETURN_APPLY, ReturnApplyRequest.class, h);
        }

        public Builder returnTimeoutNotify(SpiNotificationHandler<ReturnTimeoutNotice> h) {
            return notification(SpiEndpoint.RETURN_TIMEOUT_NOTIFY, ReturnTimeoutNotice.class, h);
        }

        private <Q, R extends SpiReply> Builder reply(SpiEndpoint endpoint, Class<Q> type, SpiHandler<Q, R> h) {
            Objects.requireNonNull(h, endpoint.spi() + " handler");
            invokers.put(endpoint, (request, call) -> {
                R reply = h.handle(type.cast(request), call);
                if (reply == null) {
                    throw new IllegalStateException(endpoint.spi() + " handler returned no reply");
                }
                return reply;
            });
            return this;
        }

        private <Q> Builder notification(SpiEndpoint endpoint, Class<Q> type, SpiNotificationHandler<Q> h) {
            Objects.requireNonNull(h, endpoint.spi() + " handler");
            invokers.put(endpoint, (request, call) -> {
                h.handle(type.cast(request), call);
                return Acknowledged.INSTANCE;
            });
            return this;
        }

        public SpiHandlers build() {
            for (SpiEndpoint endpoint : SpiEndpoint.values()) {
                if (!invokers.containsKey(endpoint)) {
                    throw new IllegalStateException("no handler wired for " + endpoint.spi() + " " + endpoint.path());
                }
            }
            return new SpiHandlers(Map.copyOf(invokers));
        }
    }
}
