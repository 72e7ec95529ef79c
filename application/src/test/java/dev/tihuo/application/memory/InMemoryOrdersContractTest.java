package dev.tihuo.application.memory;

import dev.tihuo.application.contract.OrdersContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryOrdersContractTest extends OrdersContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
