package dev.tihuo.adapters.http.merchant;

import dev.tihuo.application.memory.InMemoryTihuo;
import dev.tihuo.application.service.BrowseService;
import dev.tihuo.application.service.CatalogService;
import dev.tihuo.application.service.CounterService;
import dev.tihuo.application.service.OutboxService;
import dev.tihuo.application.service.ReconcileService;

/** The use cases over a fresh in-memory application, for tests that only need the router built. */
final class FakeUseCases {
    private FakeUseCases() {}

    static MerchantApi.UseCases useCases() {
        InMemoryTihuo tihuo = new InMemoryTihuo();
        CatalogService catalog = new CatalogService(tihuo.ports());
        return new MerchantApi.UseCases(new CounterService(tihuo.ports()), catalog, catalog, new BrowseService(tihuo.ports()),
                tihuo.afterSaleService(), new OutboxService(tihuo.ports()), new ReconcileService(tihuo.ports()));
    }
}
