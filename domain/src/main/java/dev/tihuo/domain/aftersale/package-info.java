/** After-sales (售后单): refunds (flows.md §4.3) and returns of picked-up goods (§4.4, D9), and the refund policy (D6, D7). */
package dev.tihuo.domain.aftersale;
