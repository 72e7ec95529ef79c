/**
 * Primary adapter: the protocol layer of Douyin's SPI calls (spi.md §2–§5, D10, D11, D16).
 *
 * <p>Receives, authenticates, parses and answers SPI requests; the business work is delegated to an
 * {@link dev.tihuo.adapters.http.spi.SpiHandler} per endpoint, wired in bootstrap.
 */
@PrimaryAdapter
package dev.tihuo.adapters.http.spi;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
