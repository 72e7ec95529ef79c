/** The merchant-side mirror of a Douyin pickup-voucher order (flows.md §4.1) and its vouchers. */
package dev.tihuo.domain.order;
