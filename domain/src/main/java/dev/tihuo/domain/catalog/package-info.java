/** Pickup-voucher products and their SKUs, with both our out-ids and Douyin's ids once published. */
package dev.tihuo.domain.catalog;
