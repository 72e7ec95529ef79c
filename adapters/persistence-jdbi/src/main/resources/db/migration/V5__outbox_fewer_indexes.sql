-- H2 runs an UPDATE as a remove and an add of the row in every index of the table, changed or not, and the
-- outbox row of a store's stock push is rewritten by every S1 that reserves from it (coalescing, D12). Two of the
-- outbox's five secondary indexes only ever served lookups of IN_FLIGHT rows, of which there are at most a few
-- batches (the claimed messages); ix_outbox_message_due's leading status column finds those as well.
DROP INDEX ix_outbox_message_lease;
DROP INDEX ix_outbox_message_coalesce;
