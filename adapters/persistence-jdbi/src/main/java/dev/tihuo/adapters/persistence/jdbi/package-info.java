/**
 * Secondary adapter: persistence with JDBI 3 on an embedded durable H2 file (default) or PostgreSQL, schema by
 * Flyway. Implements every persistence port of the application ({@code dev.tihuo.application.port.out}: orders,
 * after-sales, stores, products, stock, idempotency records, outbox, token store, unit of work); all repositories
 * join the transaction of {@link dev.tihuo.adapters.persistence.jdbi.JdbiUnitOfWork}.
 * {@link dev.tihuo.adapters.persistence.jdbi.JdbiPersistence#openInBackground} is what the composition root calls
 * (wiring meanwhile, serving only after {@code awaitOpen}); {@code open} opens on the calling thread.
 */
@SecondaryAdapter
package dev.tihuo.adapters.persistence.jdbi;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
