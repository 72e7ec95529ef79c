package dev.tihuo.application.memory;

import dev.tihuo.application.contract.StoreStocksContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryStoreStocksContractTest extends StoreStocksContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
