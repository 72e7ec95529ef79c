package dev.tihuo.application.port.in.operations;

import dev.tihuo.domain.shared.MerchantId;
import java.util.List;

/**
 * Use case: ask Douyin (O5) what it holds for an order's certificates and repair what tihuo can repair safely
 * (a redemption Douyin never received is reported again); anything else is listed for an operator.
 */
public interface Reconcile {
    Report reconcile(MerchantId merchant, String orderId);

    record Report(String orderId, List<Difference> differences, List<String> repaired) {}

    record Difference(String certificateId, String ours, String douyins) {}
}
