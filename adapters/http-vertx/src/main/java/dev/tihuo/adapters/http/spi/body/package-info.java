/**
 * Wire formats of the SPI bodies (spi.md §5) and their replies: Jackson records, ids as strings, money as
 * long fen, unknown fields ignored. Each request states its own rules in {@code validate(Fields)}; the pipeline
 * runs them once after parsing.
 */
@PrimaryAdapter
package dev.tihuo.adapters.http.spi.body;

import org.jmolecules.architecture.hexagonal.PrimaryAdapter;
