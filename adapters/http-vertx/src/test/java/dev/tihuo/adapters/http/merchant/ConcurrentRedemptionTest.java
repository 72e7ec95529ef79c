package dev.tihuo.adapters.http.merchant;

import static dev.tihuo.adapters.http.merchant.MerchantWorld.CLERK_A;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConcurrentRedemptionTest {
    @Test
    void of_200_concurrent_redemptions_of_one_code_exactly_one_succeeds() {
        try (MerchantWorld world = new MerchantWorld()) {
            String code = world.codeAt("poi-a");
            HttpRequest request = HttpRequest.newBuilder(URI.create(world.base() + "/api/v1/counter/redeem"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + CLERK_A).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\"}")).build();
            List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(world.http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

            Map<Integer, Long> byStatus = answers.stream().collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
            assertThat(byStatus.get(200)).as("%s", byStatus).isEqualTo(1L);
            Map<String, Long> refusals = answers.stream().filter(a -> a.statusCode() != 200)
                    .map(a -> new io.vertx.core.json.JsonObject(a.body()).getJsonObject("error").getString("code"))
                    .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(refusals.keySet()).as("%s", refusals).isSubsetOf("already_redeemed", "try_again");
            assertThat(world.tihuo.stockOf(MerchantWorld.X, MerchantWorld.STORE_A, "tea-500g").onHand()).isEqualTo(499);
            assertThat(world.tihuo.outbox().all().stream().filter(m -> m.call() instanceof dev.tihuo.application.port.out.DouyinCall.Verify))
                    .hasSize(1);
        }
    }
}
