package dev.tihuo.adapters.http.spi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured apps, selected by the {@code client_key} of the request's query string (spi.md §3.1 step 4). */
public final class SpiApps {
    private final Map<String, SpiApp> byClientKey;

    private SpiApps(Map<String, SpiApp> byClientKey) {
        this.byClientKey = byClientKey;
    }

    public static SpiApps of(SpiApp... apps) {
        return of(List.of(apps));
    }

    public static SpiApps of(Collection<SpiApp> apps) {
        if (apps.isEmpty()) {
            throw new IllegalArgumentException("at least one app must be configured");
        }
        Map<String, SpiApp> map = new LinkedHashMap<>();
        for (SpiApp app : apps) {
            if (map.putIfAbsent(app.clientKey(), app) != null) {
                throw new IllegalArgumentException("client_key configured twice: " + app.clientKey());
            }
        }
        return new SpiApps(Map.copyOf(map));
    }

    public Optional<SpiApp> find(String clientKey) {
        return clientKey == null ? Optional.empty() : Optional.ofNullable(byClientKey.get(clientKey));
    }

    public Collection<SpiApp> all() {
        return byClientKey.values();
    }
}
