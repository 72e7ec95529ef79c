/** Primary ports for the merchant's operators: stores, products, stock, refund review, browsing. */
@PrimaryPort
package dev.tihuo.application.port.in.merchant;

import org.jmolecules.architecture.hexagonal.PrimaryPort;
