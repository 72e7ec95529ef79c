package dev.tihuo.application.memory;

import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A fake Douyin for tests: records every delivered message and call, answers with made-up log ids, and can be told
 * to fail the next deliveries (unavailable: retry may help; refused: it will not).
 */
public final class RecordingDouyin implements DouyinPlatform {
    private final List<DouyinCall> delivered = new CopyOnWriteArrayList<>();
    private final List<Object> calls = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final AtomicInteger logids = new AtomicInteger();
    private final Map<String, PreparedCode> prepared = new HashMap<>();
    private final Map<String, List<CertificateStatus>> certificates = new HashMap<>();
    private Function<DouyinCall, Delivery> answer = call -> Delivery.of(null);

    /** The next {@code times} deliveries fail as if Douyin timed out. */
    public synchronized RecordingDouyin unavailable(int times) {
        for (int i = 0; i < times; i++) {
            failures.add(new DouyinUnavailable("simulated timeout", "fail-" + logids.incrementAndGet()));
        }
        return this;
    }

    /** The next delivery is refused for good with Douyin's error {@code code}. */
    public synchronized RecordingDouyin refuse(long code, String message) {
        failures.add(new DouyinRefused(code, message, "refused-" + logids.incrementAndGet()));
        return this;
    }

    /** How a successful delivery is answered (defaults to a bare log id). */
    public synchronized RecordingDouyin answering(Function<DouyinCall, Delivery> answer) {
        this.answer = answer;
        return this;
    }

    public synchronized RecordingDouyin preparing(String codeOrQr, PreparedCode result) {
        prepared.put(codeOrQr, result);
        return this;
    }

    public synchronized RecordingDouyin reporting(String orderId, List<CertificateStatus> statuses) {
        certificates.put(orderId, List.copyOf(statuses));
        return this;
    }

    @Override
    public Delivery deliver(DouyinCall call) {
        calls.add(call);
        synchronized (this) {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
        }
        delivered.add(call);
        Delivery reply = answer.apply(call);
        String logid = "logid-" + logids.incrementAndGet();
        return new Delivery(reply.logid() == null ? logid : reply.logid(), reply.certificates(), reply.verified(),
                reply.productId(), reply.skus());
    }

    @Override
    public synchronized PreparedCode prepare(String codeOrQr, String poiId) {
        calls.add(List.of("prepare", codeOrQr, poiId));
        PreparedCode result = prepared.get(codeOrQr);
        if (result == null) {
            throw new DouyinRefused(1, "no such code", "prepare-" + logids.incrementAndGet());
        }
        return result;
    }

    @Override
    public List<Verified> verifyDouyinCodes(String verifyToken, String poiId, String orderId, List<String> encryptedCodes) {
        calls.add(List.of("verify", verifyToken, poiId, orderId, encryptedCodes));
        List<Verified> verified = new ArrayList<>();
        for (String encrypted : encryptedCodes) {
            verified.add(new Verified("cert-" + encrypted, "verify-" + logids.incrementAndGet(), null, encrypted));
        }
        return verified;
    }

    @Override
    public void cancelDouyinVerification(String verifyId, String certificateId) {
        calls.add(List.of("cancel-verify", verifyId, certificateId));
    }

    @Override
    public synchronized List<CertificateStatus> certificates(String orderId) {
        calls.add(List.of("certificates", orderId));
        return certificates.getOrDefault(orderId, List.of());
    }

    /** Messages Douyin accepted, in order. */
    public List<DouyinCall> delivered() {
        return List.copyOf(delivered);
    }

    public <C extends DouyinCall> List<C> delivered(Class<C> kind) {
        return delivered.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    /** Every attempt, failed or not, including the synchronous calls. */
    public List<Object> calls() {
        return List.copyOf(calls);
    }
}
