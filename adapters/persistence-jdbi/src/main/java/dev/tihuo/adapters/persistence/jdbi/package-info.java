/**
 * Secondary adapter: persistence with JDBI 3 on an embedded durable H2 file (default) or PostgreSQL,
 * schema by Flyway. Holds the generic infrastructure (unit of work, idempotency records, outbox,
 * shared token, webhook inbox); the domain repositories join the same {@link
 * dev.tihuo.adapters.persistence.jdbi.JdbiUnitOfWork}.
 */
@SecondaryAdapter
package dev.tihuo.adapters.persistence.jdbi;

import org.jmolecules.architecture.hexagonal.SecondaryAdapter;
