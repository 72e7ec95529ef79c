package dev.tihuo.adapters.http.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** The API document and the router agree: every route is documented and every documented route exists. */
class OpenApiDocumentTest {
    @Test
    void every_route_is_documented_and_every_documented_route_exists() {
        try (MerchantWorld world = new MerchantWorld()) {
            MerchantWorld.Response served = world.get("/api/v1/openapi.json", null);
            assertThat(served.status()).isEqualTo(200);
            JsonObject doc = served.json();
            assertThat(doc.getString("openapi")).startsWith("3.");

            Set<String> documented = new TreeSet<>();
            JsonObject paths = doc.getJsonObject("paths");
            for (String path : paths.fieldNames()) {
                for (String method : paths.getJsonObject(path).fieldNames()) {
                    documented.add(method.toUpperCase() + " " + path);
                }
            }
            assertThat(routed()).isEqualTo(documented);
        }
    }

    @Test
    void every_documented_error_code_and_schema_reference_resolves() {
        try (MerchantWorld world = new MerchantWorld()) {
            String doc = world.get("/api/v1/openapi.json", null).body();
            JsonObject schemas = new JsonObject(doc).getJsonObject("components").getJsonObject("schemas");
            java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/schemas/([A-Za-z]+)").matcher(doc);
            while (refs.find()) {
                assertThat(schemas.containsKey(refs.group(1))).as(refs.group(1)).isTrue();
            }
        }
    }

    /** "GET /api/v1/stores/{storeId}" for each concrete API route of the router (catch-alls and the page excluded). */
    static Set<String> routed() {
        Vertx vertx = Vertx.vertx();
        try {
            var pool = Executors.newSingleThreadExecutor();
            Router router = MerchantApi.router(vertx, FakeUseCases.useCases(), ApiKeys.builder().build(), pool);
            pool.shutdown();
            Set<String> routes = new TreeSet<>();
            for (Route route : router.getRoutes()) {
                String path = route.getPath();
                if (path == null || !path.startsWith(MerchantApi.BASE) || path.endsWith("/") || route.methods() == null || route.methods().isEmpty()) {
                    continue;
                }
                String openApiPath = path.replaceAll(":([A-Za-z]+)", "{$1}");
                route.methods().forEach(m -> routes.add(m.name() + " " + openApiPath));
            }
            return routes;
        } finally {
            vertx.close();
        }
    }
}
