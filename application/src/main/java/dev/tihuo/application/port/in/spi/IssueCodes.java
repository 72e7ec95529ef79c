package dev.tihuo.application.port.in.spi;

import dev.tihuo.domain.order.DouyinOrderId;
import java.util.List;
import java.util.Objects;

/**
 * Use case S4 发券: issue one code per unit (D4) at once (result 1), or answer "issuing" (result 0) and send the
 * codes through the callback O1 well inside 10 minutes, or fail (result 2) when the order cannot be fulfilled (D3).
 * Idempotent on the order id: Douyin retries up to 6 times in 10 minutes and always gets the same answer.
 */
public interface IssueCodes {
    Answer issue(Command command);

    record Command(DouyinOrderId order, String orderOutId, List<Certificate> certificates) {
        public Command {
            Objects.requireNonNull(order, "order_id");
            certificates = certificates == null ? List.of() : List.copyOf(certificates);
        }
    }

    /** A certificate Douyin names for one unit, when it does (D4). */
    record Certificate(String certificateId, String orderItemId, String skuId) {}

    /** `data.result` per D3 with the codes and their certificates. */
    record Answer(int result, List<String> codes, List<CertificateCode> certificates, String failReason) {
        public static final int ISSUING = 0;
        public static final int ISSUED = 1;
        public static final int FAILED = 2;

        public Answer {
            codes = List.copyOf(codes);
            certificates = List.copyOf(certificates);
        }
    }

    record CertificateCode(String certificateId, String code) {}
}
