package dev.tihuo.application.memory;

import dev.tihuo.application.contract.AfterSalesContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryAfterSalesContractTest extends AfterSalesContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
