package dev.tihuo.application.memory;

import dev.tihuo.application.contract.ProductsContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryProductsContractTest extends ProductsContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
