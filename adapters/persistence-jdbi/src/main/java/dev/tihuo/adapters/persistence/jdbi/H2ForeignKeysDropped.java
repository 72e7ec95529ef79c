package dev.tihuo.adapters.persistence.jdbi;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Migration 6: on H2 the schema keeps no foreign keys; on PostgreSQL it changes nothing.
 *
 * <p>H2 2.4 backs every foreign key with an index of exactly its columns, and it reuses no other index for that: a
 * primary key or unique constraint never, a {@code CREATE INDEX} only when its columns are the key's and it existed
 * before the key (read from {@code AlterTableAddConstraint.canUseIndex}). So {@code order_lines}, {@code vouchers} and
 * {@code order_history} each carried a second B-tree on (merchant_id, order_id) beside their primary key
 * (merchant_id, order_id, n), {@code orders} one on (merchant_id, store_id), {@code skus} a copy of
 * {@code ix_skus_product}. Every S1 and S4 wrote them: in a dump of the file after the benchmark the four hot ones
 * were 15 % of every byte H2 wrote, and each child row inserted also looked its parent up.
 *
 * <p>What they guarded is guarded elsewhere: an aggregate and its child rows are written by one adapter, in one
 * transaction, parent first; the adapter deletes no parent. On PostgreSQL a foreign key costs no index and its
 * check a lookup, so there they stay, for an operator's hand edits. A Java migration because the two databases
 * need different statements and Flyway's SQL migrations are the same for both.
 */
final class H2ForeignKeysDropped implements JavaMigration {

    /** Every foreign key of V2, by table. */
    static final List<String> STATEMENTS = List.of(
            "ALTER TABLE skus DROP CONSTRAINT fk_skus_product",
            "ALTER TABLE store_stock DROP CONSTRAINT fk_store_stock_store",
            "ALTER TABLE orders DROP CONSTRAINT fk_orders_store",
            "ALTER TABLE order_lines DROP CONSTRAINT fk_order_lines_order",
            "ALTER TABLE vouchers DROP CONSTRAINT fk_vouchers_order",
            "ALTER TABLE order_history DROP CONSTRAINT fk_order_history_order",
            "ALTER TABLE after_sales DROP CONSTRAINT fk_after_sales_order",
            "ALTER TABLE after_sale_items DROP CONSTRAINT fk_after_sale_items_sale",
            "ALTER TABLE after_sale_history DROP CONSTRAINT fk_after_sale_history_sale");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("6");
    }

    @Override
    public String getDescription() {
        return "H2 foreign keys dropped";
    }

    @Override
    public Integer getChecksum() {
        return String.join(";", STATEMENTS).hashCode(); // a changed list shows as a changed migration
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toUpperCase(Locale.ROOT).contains("H2")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : STATEMENTS) {
                statement.execute(sql);
            }
        }
    }
}
