-- The domain's aggregates. One file for H2 2.4 (MODE=PostgreSQL) and PostgreSQL 15 (see V1's rules).
-- Douyin ids are VARCHAR (19-digit values exceed 2^53); money is BIGINT fen; every aggregate root has a
-- version for optimistic saves (UPDATE ... WHERE version = ?).

CREATE TABLE stores (
    merchant_id  VARCHAR(64)   NOT NULL,
    store_id     VARCHAR(64)   NOT NULL,
    poi_id       VARCHAR(64)   NOT NULL,
    name         VARCHAR(400)  NOT NULL,
    version      BIGINT        NOT NULL,
    CONSTRAINT pk_stores PRIMARY KEY (merchant_id, store_id),
    CONSTRAINT uq_stores_poi UNIQUE (merchant_id, poi_id)
);

CREATE TABLE products (
    merchant_id        VARCHAR(64)   NOT NULL,
    product_out_id     VARCHAR(64)   NOT NULL,
    douyin_product_id  VARCHAR(64),
    name               VARCHAR(400)  NOT NULL,
    code_issuing       VARCHAR(32)   NOT NULL,
    validity_days      INTEGER       NOT NULL,
    publication        VARCHAR(32)   NOT NULL,
    version            BIGINT        NOT NULL,
    CONSTRAINT pk_products PRIMARY KEY (merchant_id, product_out_id)
);

-- A SKU out-id belongs to one product of a merchant: the primary key is (merchant, sku_out_id).
CREATE TABLE skus (
    merchant_id     VARCHAR(64)   NOT NULL,
    sku_out_id      VARCHAR(64)   NOT NULL,
    product_out_id  VARCHAR(64)   NOT NULL,
    position        INTEGER       NOT NULL,
    douyin_sku_id   VARCHAR(64),
    name            VARCHAR(400)  NOT NULL,
    price_fen       BIGINT        NOT NULL,
    CONSTRAINT pk_skus PRIMARY KEY (merchant_id, sku_out_id),
    CONSTRAINT fk_skus_product FOREIGN KEY (merchant_id, product_out_id) REFERENCES products (merchant_id, product_out_id)
);
CREATE INDEX ix_skus_douyin ON skus (merchant_id, douyin_sku_id);
CREATE INDEX ix_skus_product ON skus (merchant_id, product_out_id);

CREATE TABLE store_stock (
    merchant_id  VARCHAR(64)  NOT NULL,
    store_id     VARCHAR(64)  NOT NULL,
    sku_out_id   VARCHAR(64)  NOT NULL,
    on_hand      INTEGER      NOT NULL,
    reserved     INTEGER      NOT NULL,
    version      BIGINT       NOT NULL,
    CONSTRAINT pk_store_stock PRIMARY KEY (merchant_id, store_id, sku_out_id),
    CONSTRAINT ck_store_stock_amounts CHECK (on_hand >= 0 AND reserved >= 0 AND reserved <= on_hand),
    CONSTRAINT fk_store_stock_store FOREIGN KEY (merchant_id, store_id) REFERENCES stores (merchant_id, store_id)
);

-- The primary key is the unique (merchant, Douyin order id); Douyin's ids are global, hence ix_orders_id.
CREATE TABLE orders (
    merchant_id         VARCHAR(64)               NOT NULL,
    order_id            VARCHAR(64)               NOT NULL,
    out_id              VARCHAR(64)               NOT NULL,
    store_id            VARCHAR(64)               NOT NULL,
    poi_id              VARCHAR(64)               NOT NULL,
    origin_fen          BIGINT                    NOT NULL,
    discount_fen        BIGINT                    NOT NULL,
    pay_fen             BIGINT                    NOT NULL,
    state               VARCHAR(32)               NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE  NOT NULL,
    issue_requested_at  TIMESTAMP WITH TIME ZONE,
    issue_deadline      TIMESTAMP WITH TIME ZONE,
    issue_failure       VARCHAR(32),
    attention           VARCHAR(4000),
    version             BIGINT                    NOT NULL,
    CONSTRAINT pk_orders PRIMARY KEY (merchant_id, order_id),
    CONSTRAINT fk_orders_store FOREIGN KEY (merchant_id, store_id) REFERENCES stores (merchant_id, store_id)
);
CREATE INDEX ix_orders_id ON orders (order_id);
CREATE INDEX ix_orders_merchant_created ON orders (merchant_id, created_at, order_id);
CREATE INDEX ix_orders_issuing ON orders (state, issue_deadline);

CREATE TABLE order_lines (
    merchant_id        VARCHAR(64)  NOT NULL,
    order_id           VARCHAR(64)  NOT NULL,
    line_no            INTEGER      NOT NULL,
    douyin_product_id  VARCHAR(64),
    douyin_sku_id      VARCHAR(64),
    sku_out_id         VARCHAR(64)  NOT NULL,
    item_count         INTEGER      NOT NULL,
    unit_fen           BIGINT       NOT NULL,
    CONSTRAINT pk_order_lines PRIMARY KEY (merchant_id, order_id, line_no),
    CONSTRAINT fk_order_lines_order FOREIGN KEY (merchant_id, order_id) REFERENCES orders (merchant_id, order_id)
);

-- Pickup codes are unique across the database (D5). A plain UNIQUE on a nullable column admits any number of
-- NULLs in both databases, so vouchers without a code yet need no partial index (H2 has none).
CREATE TABLE vouchers (
    merchant_id        VARCHAR(64)               NOT NULL,
    order_id           VARCHAR(64)               NOT NULL,
    number             INTEGER                   NOT NULL,
    sku_out_id         VARCHAR(64)               NOT NULL,
    paid_fen           BIGINT                    NOT NULL,
    certificate_id     VARCHAR(64),
    order_item_id      VARCHAR(64),
    pickup_code        VARCHAR(32),
    state              VARCHAR(32)               NOT NULL,
    valid_until        TIMESTAMP WITH TIME ZONE,
    redeemed_at        TIMESTAMP WITH TIME ZONE,
    redeemed_at_store  VARCHAR(64),
    verify_token       VARCHAR(64),
    verify_id          VARCHAR(128),
    refunded_fen       BIGINT                    NOT NULL,
    CONSTRAINT pk_vouchers PRIMARY KEY (merchant_id, order_id, number),
    CONSTRAINT uq_vouchers_pickup_code UNIQUE (pickup_code),
    CONSTRAINT fk_vouchers_order FOREIGN KEY (merchant_id, order_id) REFERENCES orders (merchant_id, order_id)
);

CREATE TABLE order_history (
    merchant_id  VARCHAR(64)               NOT NULL,
    order_id     VARCHAR(64)               NOT NULL,
    seq          INTEGER                   NOT NULL,
    from_state   VARCHAR(32),
    to_state     VARCHAR(32)               NOT NULL,
    cause        VARCHAR(4000)             NOT NULL,
    at           TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT pk_order_history PRIMARY KEY (merchant_id, order_id, seq),
    CONSTRAINT fk_order_history_order FOREIGN KEY (merchant_id, order_id) REFERENCES orders (merchant_id, order_id)
);

-- decision: NULL (undecided), APPROVE, REJECT (reason, late codes comma-separated) or PENDING (reason).
CREATE TABLE after_sales (
    merchant_id          VARCHAR(64)               NOT NULL,
    after_sale_id        VARCHAR(64)               NOT NULL,
    kind                 VARCHAR(32)               NOT NULL,
    order_id             VARCHAR(64)               NOT NULL,
    amount_fen           BIGINT                    NOT NULL,
    reason               VARCHAR(4000),
    state                VARCHAR(32)               NOT NULL,
    applied_at           TIMESTAMP WITH TIME ZONE  NOT NULL,
    decision             VARCHAR(16),
    decision_reason      VARCHAR(4000),
    decision_late_codes  VARCHAR(4000),
    version              BIGINT                    NOT NULL,
    CONSTRAINT pk_after_sales PRIMARY KEY (merchant_id, after_sale_id),
    CONSTRAINT ck_after_sales_decision CHECK (decision IS NULL OR decision IN ('APPROVE', 'REJECT', 'PENDING')),
    CONSTRAINT fk_after_sales_order FOREIGN KEY (merchant_id, order_id) REFERENCES orders (merchant_id, order_id)
);
CREATE INDEX ix_after_sales_id ON after_sales (after_sale_id);
CREATE INDEX ix_after_sales_order ON after_sales (order_id);
CREATE INDEX ix_after_sales_merchant_applied ON after_sales (merchant_id, applied_at, after_sale_id);

CREATE TABLE after_sale_items (
    merchant_id     VARCHAR(64)  NOT NULL,
    after_sale_id   VARCHAR(64)  NOT NULL,
    position        INTEGER      NOT NULL,
    voucher         INTEGER      NOT NULL,
    order_item_id   VARCHAR(64),
    certificate_id  VARCHAR(64),
    amount_fen      BIGINT       NOT NULL,
    CONSTRAINT pk_after_sale_items PRIMARY KEY (merchant_id, after_sale_id, position),
    CONSTRAINT fk_after_sale_items_sale FOREIGN KEY (merchant_id, after_sale_id) REFERENCES after_sales (merchant_id, after_sale_id)
);

CREATE TABLE after_sale_history (
    merchant_id    VARCHAR(64)               NOT NULL,
    after_sale_id  VARCHAR(64)               NOT NULL,
    seq            INTEGER                   NOT NULL,
    from_state     VARCHAR(32),
    to_state       VARCHAR(32)               NOT NULL,
    cause          VARCHAR(4000)             NOT NULL,
    at             TIMESTAMP WITH TIME ZONE  NOT NULL,
    CONSTRAINT pk_after_sale_history PRIMARY KEY (merchant_id, after_sale_id, seq),
    CONSTRAINT fk_after_sale_history_sale FOREIGN KEY (merchant_id, after_sale_id) REFERENCES after_sales (merchant_id, after_sale_id)
);

-- Stock pushes use their coalesce key as dedupe key: a push after the previous one was delivered must be sent,
-- so (kind, dedupe_key) is no longer unique. The dedupe key stays indexed for operators.
ALTER TABLE outbox_message DROP CONSTRAINT uq_outbox_message_dedupe;
CREATE INDEX ix_outbox_message_dedupe ON outbox_message (kind, dedupe_key);
