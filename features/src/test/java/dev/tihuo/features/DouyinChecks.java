package dev.tihuo.features;

import static dev.tihuo.features.Eventually.eventually;
import static dev.tihuo.features.Eventually.throughout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tihuo.simulator.PlatformState;
import dev.tihuo.simulator.PlatformState.AfterSaleStatus;
import dev.tihuo.simulator.PlatformState.CertStatus;
import dev.tihuo.simulator.PlatformState.OrderStatus;
import dev.tihuo.simulator.RecordedCall;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What Douyin (the simulator) recorded and shows. */
public final class DouyinChecks {
    private static final String PREPARE = "/goodlife/v1/compre_retail/fulfilment/certificate/prepare/";
    private static final Duration QUIET = Duration.ofMillis(600);
    private static final Map<String, List<AfterSaleStatus>> AFTER_SALE = Map.of(
            "awaiting the merchant", List.of(AfterSaleStatus.APPLIED, AfterSaleStatus.PENDING),
            "approved", List.of(AfterSaleStatus.APPROVED, AfterSaleStatus.AUTO_APPROVED),
            "rejected", List.of(AfterSaleStatus.REJECTED), "refunded", List.of(AfterSaleStatus.SUCCEEDED));

    private final World w;

    public DouyinChecks(World world) {
        this.w = world;
    }

    @Then("Douyin shows order {string} as {string}")
    public void orderAs(String order, String state) {
        eventually(() -> {
            PlatformState.Order o = w.douyinOrder(order);
            String seen = "Douyin's order " + order + " " + o.status() + " " + o.history();
            switch (state) {
                case "accepted by the merchant" -> {
                    assertThat(o.orderOutId()).as(seen).isNotBlank();
                    assertThat(o.status()).as(seen).isNotEqualTo(OrderStatus.REJECTED);
                }
                case "refused by the merchant" -> assertThat(o.status()).as(seen).isEqualTo(OrderStatus.REJECTED);
                case "paid" -> assertThat(o.status()).as(seen).isEqualTo(OrderStatus.PAID);
                case "issue failed" -> assertThat(o.status()).as(seen).isEqualTo(OrderStatus.ISSUE_FAILED);
                default -> throw new IllegalArgumentException(state);
            }
        });
    }

    @Then("Douyin shows {int} code(s) of order {string} as {string}")
    public void codesAs(int count, String order, String state) {
        int status = switch (state) {
            case "unused" -> CertStatus.UNUSED;
            case "redeemed" -> CertStatus.USED;
            default -> throw new IllegalArgumentException(state);
        };
        w.quiet();
        eventually(() -> {
            List<PlatformState.Certificate> certs = w.douyinOrder(order).certificates();
            assertThat(certs.stream().filter(c -> c.status() == status && c.code() != null).count())
                    .as("Douyin's codes of " + order + " " + state).isEqualTo(count);
        });
    }

    @Then("Douyin shows after-sale {string} as {string}")
    public void afterSaleAs(String afterSale, String state) {
        List<AfterSaleStatus> states = AFTER_SALE.get(state);
        assertThat(states).as(state).isNotNull();
        eventually(() -> {
            PlatformState.AfterSale as = w.sim.state().afterSale(w.afterSaleId(afterSale)).orElseThrow();
            assertThat(as.status()).as("Douyin's after-sale " + afterSale + " " + as.history()).isIn(states);
        });
    }

    @Then("Douyin sees {int} unit(s) of {string} available at {string}")
    public void sees(int units, String sku, String store) {
        w.quiet();
        eventually(() -> assertThat(w.sim.state().stockOf(w.sku(sku).douyinSkuId(), w.poi(store)).orElse(0L))
                .as("stock of " + sku + " Douyin may sell at " + store).isEqualTo((long) units));
    }

    @Then("Douyin has received the issue-code callback for order {string} with {int} code(s)")
    public void callbackWithCodes(String order, int codes) {
        eventually(() -> {
            PlatformState.Order o = w.douyinOrder(order);
            assertThat(o.history()).as("Douyin's order " + order).anyMatch(h -> h.contains("O1 result=1"));
            assertThat(o.certificates().stream().filter(c -> c.code() != null).count()).isEqualTo(codes);
        });
    }

    @Then("Douyin has received the issue-code callback for order {string} saying the issue failed")
    public void callbackFailed(String order) {
        eventually(() -> assertThat(w.douyinOrder(order).history()).anyMatch(h -> h.contains("O1 result=2")));
    }

    @Then("Douyin has received no issue-code callback for order {string}")
    public void noCallback(String order) {
        w.quiet();
        throughout(QUIET, () -> assertThat(w.douyinOrder(order).history()).as("Douyin's order " + order)
                .noneMatch(h -> h.contains("O1 result=")));
    }

    @Then("Douyin has recorded {int} redemption(s) of order {string} at {string}")
    public void redemptions(int count, String order, String store) {
        String poi = w.poi(store);
        Runnable check = () -> assertThat(w.douyinOrder(order).certificates().stream()
                .flatMap(c -> c.verifications().stream()).filter(v -> poi.equals(v.poiId())).count())
                .as("redemptions of " + order + " Douyin recorded at " + store).isEqualTo(count);
        w.quiet();
        eventually(check);
        if (count == 0) {
            throughout(QUIET, check);
        }
    }

    @Then("Douyin has recorded {int} cancelled redemption(s) of order {string}")
    public void cancelledRedemptions(int count, String order) {
        Runnable check = () -> assertThat(w.douyinOrder(order).certificates().stream()
                .flatMap(c -> c.verifications().stream()).filter(PlatformState.Verification::cancelled).count())
                .as("cancelled redemptions of " + order).isEqualTo(count);
        w.quiet();
        eventually(check);
        if (count == 0) {
            throughout(QUIET, check);
        }
    }

    @Then("Douyin has recorded {int} verify prepare(s) for order {string}")
    public void prepares(int count, String order) {
        w.douyinOrder(order);
        eventually(() -> assertThat(sinceStart().stream().filter(c -> PREPARE.equals(c.path())).count())
                .as("verify prepares in this scenario").isEqualTo(count));
    }

    @Then("Douyin has received nothing new from tihuo")
    public void nothingNew() {
        w.quiet();
        throughout(Duration.ofSeconds(1), () -> assertThat(w.sim.calls().all().size() - w.callsBaseline)
                .as("calls from tihuo since the last Given step: " + w.sim.calls().all()
                        .subList(Math.min(w.callsBaseline, w.sim.calls().all().size()), w.sim.calls().all().size()))
                .isZero());
    }

    private List<RecordedCall> sinceStart() {
        List<RecordedCall> all = w.sim.calls().all();
        return all.subList(Math.min(w.callsAtStart, all.size()), all.size());
    }
}
