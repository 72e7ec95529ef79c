package dev.tihuo.application.service;

import dev.tihuo.application.port.in.counter.Counter;
import dev.tihuo.application.port.out.DouyinCall;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.Identifiers;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.OutboxMessage;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.Stores;
import dev.tihuo.application.port.out.UnitOfWork;
import dev.tihuo.domain.catalog.DouyinSkuId;
import dev.tihuo.domain.catalog.Sku;
import dev.tihuo.domain.catalog.SkuOutId;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderEvent;
import dev.tihuo.domain.order.Voucher;
import dev.tihuo.domain.shared.DomainException;
import dev.tihuo.domain.shared.Reason;
import dev.tihuo.domain.stock.StockKey;
import dev.tihuo.domain.store.Store;
import dev.tihuo.domain.voucher.CertificateId;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The counter (D15, D18). Our codes are redeemed locally first - atomically, once - and reported to Douyin with O3
 * through the outbox; a cancellation within the hour is reported with O4. Douyin's codes are prepared (O6) and
 * verified (O3) synchronously, since only Douyin knows whether they are valid, and take goods from the shelf.
 */
public final class CounterService implements Counter {
    private final Orders orders;
    private final Stores stores;
    private final Products products;
    private final Outbox outbox;
    private final DouyinPlatform douyin;
    private final Identifiers identifiers;
    private final StockKeeper stock;
    private final UnitOfWork unitOfWork;
    private final Idempotency idempotency;
    private final Clock clock;

    public CounterService(Ports ports) {
        this.orders = ports.orders();
        this.stores = ports.stores();
        this.products = ports.products();
        this.outbox = ports.outbox();
        this.douyin = ports.douyin();
        this.identifiers = ports.identifiers();
        this.stock = ports.stockKeeper();
        this.unitOfWork = ports.unitOfWork();
        this.idempotency = ports.idempotency();
        this.clock = ports.clock();
    }

    @Override
    public CodeView lookUp(At at, String typed) {
        Store store = store(at);
        if (!PickupCode.looksLikeOurs(typed)) {
            DouyinPlatform.PreparedCode prepared = douyin.prepare(typed.strip(), store.poiId().value());
            return new CodeView(CodeKind.DOUYIN, typed.strip(), prepared.orderId(), store.id().value(), store.poiId().value(),
                    prepared.certificates().stream().map(c -> new Unit(c.certificateId(), skuOutIdOf(at, c.skuId()), c.skuTitle(),
                            "VALID", Instant.ofEpochSecond(c.expireAtEpochSecond()), null, null)).toList());
        }
        PickupCode code = PickupCode.parse(typed);
        Order order = ownOrder(at, code);
        Voucher v = order.voucherByCode(code);
        return new CodeView(CodeKind.OURS, code.value(), order.id().value(), order.store().value(), order.poi().value(),
                List.of(unit(at, v)));
    }

    @Override
    public Redemption redeem(At at, String typed) {
        Store store = store(at);
        if (!PickupCode.looksLikeOurs(typed)) {
            return redeemDouyinCode(at, store, typed.strip());
        }
        PickupCode code = PickupCode.parse(typed);
        return idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = ownOrder(at, code);
            Instant now = clock.instant();
            OrderEvent.VoucherRedeemed redeemed = order.redeem(code, at.store(), identifiers.nextVerifyToken(), now);
            // The order first: of racing clerks, the losers fail on its version and, retried, hear "already redeemed".
            orders.save(order);
            stock.apply(order.merchant(), redeemed.movements(), now);
            Voucher v = order.voucher(redeemed.voucher());
            String certificate = v.certificateId().map(CertificateId::value).orElse(null);
            outbox.append(OutboxMessage.of(order.merchant().value(),
                    new DouyinCall.Verify(order.id().value(), store.poiId().value(), redeemed.verifyToken(), code.value(),
                            certificate, now),
                    "o3:" + redeemed.verifyToken(), null, now, null));
            return new Redemption(CodeKind.OURS, code.value(), order.id().value(), v.sku().value(), at.store().value(),
                    v.state().name(), now, null, certificate);
        }));
    }

    @Override
    public Redemption cancelRedemption(At at, String typed) {
        store(at);
        PickupCode code = PickupCode.parse(typed);
        return idempotency.retryingConflicts(() -> unitOfWork.inTransaction(() -> {
            Order order = ownOrder(at, code);
            Voucher before = order.voucherByCode(code);
            if (before.redeemedAtStore().isPresent() && !before.redeemedAtStore().get().equals(at.store())) {
                throw new DomainException(Reason.WRONG_STORE, "this voucher was picked up at another store");
            }
            Instant now = clock.instant();
            OrderEvent.RedemptionCancelled cancelled = order.cancelRedemption(code, now);
            orders.save(order);
            stock.apply(order.merchant(), cancelled.movements(), now);
            Voucher v = order.voucher(cancelled.voucher());
            String certificate = v.certificateId().map(CertificateId::value).orElse(null);
            outbox.append(OutboxMessage.of(order.merchant().value(),
                    new DouyinCall.CancelVerify(order.id().value(), cancelled.verifyToken(), cancelled.verifyId(), certificate,
                            code.value()),
                    DouyinCall.CancelVerify.dedupeKey(cancelled.verifyToken()), null, now, null));
            return new Redemption(CodeKind.OURS, code.value(), order.id().value(), v.sku().value(), at.store().value(),
                    v.state().name(), now, cancelled.verifyId(), certificate);
        }));
    }

    @Override
    public Redemption cancelDouyinRedemption(At at, String verifyId, String certificateId, String skuOutId) {
        store(at);
        if (verifyId == null || verifyId.isBlank() || certificateId == null || certificateId.isBlank()) {
            throw new DomainException(Reason.INVALID_VALUE, "a Douyin redemption is cancelled by its verify id and certificate id");
        }
        douyin.cancelDouyinVerification(verifyId, certificateId);
        Instant now = clock.instant();
        if (skuOutId != null && !skuOutId.isBlank()) {
            SkuOutId sku = new SkuOutId(skuOutId);
            products.findBySku(at.merchant(), sku).orElseThrow(() -> new DomainException(Reason.UNKNOWN_SKU, "no SKU " + sku));
            unitOfWork.run(() -> stock.change(new StockKey(at.merchant(), at.store(), sku), s -> s.restock(1, now), now));
        }
        return new Redemption(CodeKind.DOUYIN, null, null, skuOutId, at.store().value(), "VALID", now, verifyId, certificateId);
    }

    /** D18: a Douyin code has no S1, so its goods come straight off the shelf of the store that redeems it. */
    private Redemption redeemDouyinCode(At at, Store store, String typed) {
        DouyinPlatform.PreparedCode prepared = douyin.prepare(typed, store.poiId().value());
        if (prepared.certificates().isEmpty()) {
            throw new DomainException(Reason.NOT_REDEEMABLE, "Douyin has no usable voucher for this code");
        }
        DouyinPlatform.PreparedCertificate first = prepared.certificates().get(0);
        String skuOutId = skuOutIdOf(at, first.skuId());
        if (skuOutId != null) {
            Instant now = clock.instant();
            // Take the goods first so an empty shelf refuses before Douyin records anything.
            unitOfWork.run(() -> stock.change(new StockKey(at.merchant(), at.store(), new SkuOutId(skuOutId)),
                    s -> s.consumeOnHand(1, now), now));
        }
        List<DouyinPlatform.Verified> verified = douyin.verifyDouyinCodes(prepared.verifyToken(), store.poiId().value(),
                prepared.orderId(), List.of(first.encryptedCode()));
        DouyinPlatform.Verified v = verified.isEmpty() ? null : verified.get(0);
        return new Redemption(CodeKind.DOUYIN, typed, prepared.orderId(), skuOutId, at.store().value(), "REDEEMED",
                clock.instant(), v == null ? null : v.verifyId(), v == null ? first.certificateId() : v.certificateId());
    }

    private String skuOutIdOf(At at, String douyinSkuId) {
        if (douyinSkuId == null || douyinSkuId.isBlank()) {
            return null;
        }
        DouyinSkuId id = new DouyinSkuId(douyinSkuId);
        return products.findByDouyinSku(at.merchant(), id).flatMap(p -> p.sku(id)).map(s -> s.outId().value()).orElse(null);
    }

    private Store store(At at) {
        return stores.find(at.merchant(), at.store())
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_STORE, "no store " + at.store()));
    }

    /** Codes of other merchants are invisible: they answer exactly like a code that does not exist. */
    private Order ownOrder(At at, PickupCode code) {
        return orders.findByCode(code).filter(o -> o.merchant().equals(at.merchant()))
                .orElseThrow(() -> new DomainException(Reason.UNKNOWN_VOUCHER, "no voucher has this code"));
    }

    private Unit unit(At at, Voucher v) {
        String skuName = products.findBySku(at.merchant(), v.sku()).flatMap(p -> p.sku(v.sku())).map(Sku::name).orElse(null);
        return new Unit(v.certificateId().map(CertificateId::value).orElse(null), v.sku().value(), skuName, v.state().name(),
                v.validUntil().orElse(null), v.redeemedAtStore().map(Object::toString).orElse(null), v.redeemedAt().orElse(null));
    }

}
