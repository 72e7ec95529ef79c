package dev.tihuo.application.port.in.spi;

/** Use case S7 申请退货 (D9): a buyer wants to return picked-up goods; answered like a refund request. */
public interface ApplyReturn {
    AuditAnswer applyReturn(ApplyRefund.Application application);
}
