/**
 * Primary adapter: connects the SPI and webhook protocol layer ({@code spi}, {@code webhook}) to the application's
 * SPI use cases (primary ports in {@code dev.tihuo.application.port.in.spi}). {@link
 * dev.tihuo.adapters.http.spi.usecase.SpiUseCases} builds the handlers; MapStruct mappers translate wire records to
 * commands and answers to replies; {@link dev.tihuo.adapters.http.spi.usecase.SpiErrors} is the one place where the
 * application's exceptions become D16 codes.
 */
@PrimaryAdapter
package dev.tihuo.adapters.http.spi.usecase;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
