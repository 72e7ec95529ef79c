package dev.tihuo.application.memory;

import dev.tihuo.application.contract.UnitOfWorkContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryUnitOfWorkContractTest extends UnitOfWorkContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
