/** Vouchers (Douyin certificates) and the pickup codes tihuo issues for them (D4, D5, flows.md §4.2). */
package dev.tihuo.domain.voucher;
