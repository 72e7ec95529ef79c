package dev.tihuo.adapters.http.spi;

import dev.tihuo.adapters.http.spi.body.CancelNotifyRequest;
import dev.tihuo.adapters.http.spi.body.CreateOrderRequest;
import dev.tihuo.adapters.http.spi.body.IssueCodesRequest;
import dev.tihuo.adapters.http.spi.body.PayNotifyRequest;
import dev.tihuo.adapters.http.spi.body.RefundApplyRequest;
import dev.tihuo.adapters.http.spi.body.RefundNotifyRequest;
import dev.tihuo.adapters.http.spi.body.ReturnApplyRequest;
import dev.tihuo.adapters.http.spi.body.ReturnTimeoutNotice;
import dev.tihuo.adapters.http.spi.body.Validated;

/**
 * Every SPI tihuo answers, its path under the configured prefix, its body type and whether it is a
 * notification SPI, which never answers a business error (D16: only 0 or 100).
 */
public enum SpiEndpoint {
    CREATE_ORDER("S1", "/orders/create", CreateOrderRequest.class, false),
    PAY_NOTIFY("S2", "/orders/pay-notify", PayNotifyRequest.class, true),
    CANCEL_NOTIFY("S3", "/orders/cancel-notify", CancelNotifyRequest.class, true),
    ISSUE_CODES("S4", "/codes/issue", IssueCodesRequest.class, false),
    REFUND_APPLY("S5", "/refunds/apply", RefundApplyRequest.class, false),
    REFUND_NOTIFY("S6", "/refunds/notify", RefundNotifyRequest.class, true),
    RETURN_APPLY("S7", "/returns/apply", ReturnApplyRequest.class, false),
    RETURN_TIMEOUT_NOTIFY("S8", "/returns/timeout-notify", ReturnTimeoutNotice.class, true);

    private final String spi;
    private final String path;
    private final Class<? extends Validated> requestType;
    private final boolean notification;

    SpiEndpoint(String spi, String path, Class<? extends Validated> requestType, boolean notification) {
        this.spi = spi;
        this.path = path;
        this.requestType = requestType;
        this.notification = notification;
    }

    /** The spec's name for it, e.g. {@code S1}. */
    public String spi() {
        return spi;
    }

    /** Path below the SPI prefix, e.g. {@code /orders/create}. */
    public String path() {
        return path;
    }

    public Class<? extends Validated> requestType() {
        return requestType;
    }

    public boolean isNotification() {
        return notification;
    }
}
