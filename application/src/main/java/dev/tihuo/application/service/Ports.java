package dev.tihuo.application.service;

import dev.tihuo.application.port.out.AfterSales;
import dev.tihuo.application.port.out.CodeGenerator;
import dev.tihuo.application.port.out.DouyinPlatform;
import dev.tihuo.application.port.out.IdempotencyRecords;
import dev.tihuo.application.port.out.Identifiers;
import dev.tihuo.application.port.out.MerchantPolicies;
import dev.tihuo.application.port.out.Orders;
import dev.tihuo.application.port.out.Outbox;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.application.port.out.StoreStocks;
import dev.tihuo.application.port.out.Stores;
import dev.tihuo.application.port.out.UnitOfWork;
import java.time.Clock;
import java.util.Objects;

/**
 * Every secondary port the use cases need, handed over once by the composition root. The services take what they
 * use from it; the shared helpers (idempotency, stock keeping, code issuing) are built here once.
 */
public record Ports(Orders orders, AfterSales afterSales, Stores stores, Products products, StoreStocks stocks,
                    IdempotencyRecords idempotencyRecords, Outbox outbox, DouyinPlatform douyin, CodeGenerator codes,
                    Identifiers identifiers, MerchantPolicies policies, UnitOfWork unitOfWork, Clock clock) {
    public Ports {
        Objects.requireNonNull(orders, "orders");
        Objects.requireNonNull(afterSales, "afterSales");
        Objects.requireNonNull(stores, "stores");
        Objects.requireNonNull(products, "products");
        Objects.requireNonNull(stocks, "stocks");
        Objects.requireNonNull(idempotencyRecords, "idempotencyRecords");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(douyin, "douyin");
        Objects.requireNonNull(codes, "codes");
        Objects.requireNonNull(identifiers, "identifiers");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(unitOfWork, "unitOfWork");
        Objects.requireNonNull(clock, "clock");
    }

    StockKeeper stockKeeper() {
        return new StockKeeper(stocks, stores, products, outbox);
    }

    Idempotency idempotency() {
        return new Idempotency(idempotencyRecords, unitOfWork, clock);
    }

    CodeIssuer codeIssuer() {
        return new CodeIssuer(products, codes);
    }
}
