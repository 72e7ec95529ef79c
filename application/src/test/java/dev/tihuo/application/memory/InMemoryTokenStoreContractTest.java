package dev.tihuo.application.memory;

import dev.tihuo.application.contract.TokenStoreContract;
import dev.tihuo.application.contract.PortFixture;

class InMemoryTokenStoreContractTest extends TokenStoreContract {
    @Override
    protected PortFixture newPorts() {
        return new InMemoryPorts();
    }
}
