-- Douyin's order ids are global, not per merchant: an S1 now inserts its order without reading first and lets this
-- index refuse an id that any merchant holds already (INSERT ... ON CONFLICT DO NOTHING, then the order is read).
DROP INDEX ix_orders_id;
CREATE UNIQUE INDEX ux_orders_order_id ON orders (order_id);
