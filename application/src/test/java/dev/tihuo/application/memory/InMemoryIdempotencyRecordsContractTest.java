package dev.tihuo.application.memory;

import dev.tihuo.application.contract.IdempotencyRecordsContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryIdempotencyRecordsContractTest extends IdempotencyRecordsContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
