/** Stock per (store, SKU) per D12: on hand and reserved; available = on hand - reserved, never negative. */
package dev.tihuo.domain.stock;
