package dev.tihuo.application.memory;

import dev.tihuo.application.contract.OutboxContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryOutboxContractTest extends OutboxContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
