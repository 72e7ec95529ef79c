package dev.tihuo.application.memory;

import dev.tihuo.application.contract.StoresContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryStoresContractTest extends StoresContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
