package dev.tihuo.features;

import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.BeforeStep;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Gives each scenario a merchant account of its own from the pool (see {@link Stack}). */
public final class Hooks {
    private static final String BY_HAND = "the merchant reviews after-sales by hand";
    private final World world;

    public Hooks(World world) {
        this.world = world;
    }

    @Before
    public void takeMerchant(Scenario scenario) {
        world.merchant = world.stack.nextMerchant(reviewsByHand(scenario));
        world.callsAtStart = world.sim.calls().all().size();
        world.callsBaseline = world.callsAtStart;
        world.sim.client().resetNext();
        // messages an earlier scenario left waiting (e.g. a callback Douyin could not be reached for) are not ours
        world.quiet(Duration.ofSeconds(1), 0);
        world.waitingAtStart = world.outboxWaiting();
    }

    @BeforeStep
    public void markStep() {
        world.exchangesAtStep = world.sim.client().exchanges().size();
    }

    @After
    public void clearFaults() {
        world.sim.faults().clear();
        world.sim.client().resetNext();
    }

    /**
     * tihuo fixes each merchant's refund policy (D7) at start-up, so the account must be chosen before the first
     * step: a scenario whose own steps, or whose Background, say the merchant reviews after-sales by hand gets an
     * account configured that way.
     */
    static boolean reviewsByHand(Scenario scenario) {
        List<String> lines = featureLines(scenario.getUri());
        int at = scenario.getLine() - 1;
        int start = at;
        while (start > 0 && !isScenario(lines.get(start))) {
            start--;
        }
        int end = start + 1;
        while (end < lines.size() && !isScenario(lines.get(end)) && !lines.get(end).trim().startsWith("Rule:")) {
            end++;
        }
        int rule = start;
        while (rule > 0 && !lines.get(rule).trim().startsWith("Rule:")) {
            rule--;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size() && !lines.get(i).trim().startsWith("Rule:") && !isScenario(lines.get(i)); i++) {
            text.append(lines.get(i)).append('\n'); // the feature's Background
        }
        if (lines.get(rule).trim().startsWith("Rule:")) {
            for (int i = rule; i < lines.size() && !isScenario(lines.get(i)); i++) {
                text.append(lines.get(i)).append('\n'); // the rule's Background
            }
        }
        for (int i = start; i < end; i++) {
            text.append(lines.get(i)).append('\n');
        }
        return text.toString().contains(BY_HAND);
    }

    private static boolean isScenario(String line) {
        String t = line.trim();
        return t.startsWith("Scenario:") || t.startsWith("Scenario Outline:") || t.startsWith("Example:")
                || t.startsWith("Scenario Template:");
    }

    private static List<String> featureLines(URI uri) {
        try {
            if ("classpath".equals(uri.getScheme())) {
                String path = uri.getSchemeSpecificPart().replaceFirst("^/", "");
                try (InputStream in = Hooks.class.getClassLoader().getResourceAsStream(path)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
                }
            }
            return Files.readAllLines(Path.of(uri), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + uri, e);
        }
    }
}
