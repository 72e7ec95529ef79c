package dev.tihuo.application.service;

import dev.tihuo.application.port.out.CodeGenerator;
import dev.tihuo.application.port.out.Products;
import dev.tihuo.domain.catalog.CodeIssuing;
import dev.tihuo.domain.catalog.Product;
import dev.tihuo.domain.order.Order;
import dev.tihuo.domain.order.OrderLine;
import dev.tihuo.domain.voucher.PickupCode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Makes the codes for an order (one per unit, D4) and their validity. Codes are unique across the database (D5)
 * through the unique index on them: with 59 random bits a clash is astronomically rare, so the issuing transaction
 * does not probe each code first (a statement per unit on every S4); a clash fails the save as DUPLICATE and the
 * use case runs again with new codes.
 */
final class CodeIssuer {
    private static final int MAX_TRIES_PER_CODE = 5;

    private final Products products;
    private final CodeGenerator generator;

    CodeIssuer(Products products, CodeGenerator generator) {
        this.products = products;
        this.generator = generator;
    }

    List<PickupCode> codesFor(Order order) {
        Set<PickupCode> codes = new HashSet<>();
        List<PickupCode> ordered = new ArrayList<>();
        while (ordered.size() < order.vouchers().size()) {
            PickupCode code = fresh(codes);
            codes.add(code);
            ordered.add(code);
        }
        return ordered;
    }

    private PickupCode fresh(Set<PickupCode> taken) {
        for (int i = 0; i < MAX_TRIES_PER_CODE; i++) {
            PickupCode code = generator.next();
            if (!taken.contains(code)) {
                return code;
            }
        }
        throw new IllegalStateException("the code generator keeps repeating itself");
    }

    /** The shortest validity of the order's products decides until when its codes can be picked up. */
    Instant validUntil(Order order, Instant now) {
        int days = order.lines().stream().map(l -> product(order, l)).mapToInt(Product::validityDays).min().orElse(30);
        return now.plus(Duration.ofDays(days));
    }

    /** Whether any product of the order sends its codes through the callback (O1) rather than at once. */
    boolean byCallback(Order order) {
        return order.lines().stream().map(l -> product(order, l)).anyMatch(p -> p.codeIssuing() == CodeIssuing.BY_CALLBACK);
    }

    private Product product(Order order, OrderLine line) {
        return products.findBySku(order.merchant(), line.sku()).orElseThrow();
    }
}
