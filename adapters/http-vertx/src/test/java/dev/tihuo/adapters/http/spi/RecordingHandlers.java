package dev.tihuo.adapters.http.spi;

import dev.tihuo.adapters.http.spi.body.AuditReply;
import dev.tihuo.adapters.http.spi.body.CreateOrderReply;
import dev.tihuo.adapters.http.spi.body.IssueCodesReply;
import dev.tihuo.adapters.http.spi.body.IssuedCertificate;
import dev.tihuo.adapters.http.spi.body.SpiReply;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/** Test fakes for every SPI: record each call (body, context, MDC seen on the worker) and behave as told. */
final class RecordingHandlers {
    record Call(SpiEndpoint endpoint, Object request, SpiCall context, String mdcLogid, String threadName) {}

    /** What a handler does instead of answering its default success. */
    @FunctionalInterface
    interface Behaviour {
        SpiReply run(Object request, SpiCall call) throws Exception;
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger completed = new AtomicInteger();
    private final Map<SpiEndpoint, Behaviour> behaviours = new ConcurrentHashMap<>();

    void behave(SpiEndpoint endpoint, Behaviour behaviour) {
        behaviours.put(endpoint, behaviour);
    }

    List<Call> callsTo(SpiEndpoint endpoint) {
        return calls.stream().filter(c -> c.endpoint() == endpoint).toList();
    }

    SpiHandlers handlers() {
        return SpiHandlers.builder()
                .createOrder((q, c) -> (CreateOrderReply) run(SpiEndpoint.CREATE_ORDER, q, c,
                        new CreateOrderReply("M20250101000123")))
                .payNotify((q, c) -> run(SpiEndpoint.PAY_NOTIFY, q, c, null))
                .cancelNotify((q, c) -> run(SpiEndpoint.CANCEL_NOTIFY, q, c, null))
                .issueCodes((q, c) -> (IssueCodesReply) run(SpiEndpoint.ISSUE_CODES, q, c,
                        IssueCodesReply.issued(List.of(new IssuedCertificate("7300000000000000001", "PK8839201744")))))
                .refundApply((q, c) -> (AuditReply) run(SpiEndpoint.REFUND_APPLY, q, c,
                        AuditReply.approve(q.orderId())))
                .refundNotify((q, c) -> run(SpiEndpoint.REFUND_NOTIFY, q, c, null))
                .returnApply((q, c) -> (AuditReply) run(SpiEndpoint.RETURN_APPLY, q, c,
                        AuditReply.pending(q.orderId())))
                .returnTimeoutNotify((q, c) -> run(SpiEndpoint.RETURN_TIMEOUT_NOTIFY, q, c, null))
                .build();
    }

    private SpiReply run(SpiEndpoint endpoint, Object request, SpiCall call, SpiReply fallback) {
        calls.add(new Call(endpoint, request, call, MDC.get(Logids.MDC_LOGID), Thread.currentThread().getName()));
        try {
            Behaviour behaviour = behaviours.get(endpoint);
            return behaviour == null ? fallback : behaviour.run(request, call);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            completed.incrementAndGet();
        }
    }
}
