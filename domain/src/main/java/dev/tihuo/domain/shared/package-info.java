/** Values and rules every part of the pickup-voucher model shares: merchants, money, the one domain exception. */
package dev.tihuo.domain.shared;
