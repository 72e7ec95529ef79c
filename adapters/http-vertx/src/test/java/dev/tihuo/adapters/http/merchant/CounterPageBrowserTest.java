package dev.tihuo.adapters.http.merchant;

import static dev.tihuo.adapters.http.merchant.MerchantWorld.ADMIN_X;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.CLERK_A;
import static dev.tihuo.adapters.http.merchant.MerchantWorld.X;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The counter page in a real browser: Debian's headless Chromium and chromedriver. Skipped, with a message, on a
 * machine without them ({@code apt-get install -y chromium chromium-driver}; {@code .ci/run} installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CounterPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private MerchantWorld world;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium or chromedriver is not installed (/usr/bin/chromium, /usr/bin/chromedriver): "
                        + "the counter page browser test is skipped. Install with: apt-get install -y chromium chromium-driver");
        // Point Selenium at Debian's driver so Selenium Manager never tries to download one.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=390,844");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        browser.manage().window().setSize(new Dimension(390, 844)); // a phone
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (world != null) {
            world.close();
        }
    }

    @BeforeEach
    void freshPage() {
        if (world != null) {
            world.close();
        }
        world = new MerchantWorld();
        browser.get(world.base() + "/counter/");
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear(); localStorage.clear();");
        browser.get(world.base() + "/counter/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key")));
    }

    @Test
    void a_clerk_signs_in_looks_up_redeems_and_cancels_a_code_in_chinese() {
        String code = world.codeAt("poi-a");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("登录");
        signIn(CLERK_A);

        lookUp(code.toLowerCase());
        assertThat(text("r-sku")).contains("tea-500g");
        assertThat(text("r-qty")).isEqualTo("1");
        assertThat(text("r-store")).isEqualTo("store-a");
        assertThat(text("r-state")).isEqualTo("可核销");
        assertThat(messageCode()).isEqualTo("ready");

        click("redeem");
        waitForMessage("redeemed_ok");
        assertThat(message()).isEqualTo("核销成功，请交付商品");
        assertThat(text("r-state")).isEqualTo("已核销");
        assertThat(world.get("/api/v1/orders?state=REDEEMED", ADMIN_X).json().getJsonArray("items")).hasSize(1);

        click("cancel");
        waitForMessage("cancelled_ok");
        assertThat(text("r-state")).isEqualTo("可核销");
        assertThat(world.tihuo.available(X, "store-a", "tea-500g")).isEqualTo(499);

        // The page fits a phone: no horizontal scrolling.
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
    }

    @Test
    void the_page_speaks_english_on_request() {
        click("lang");
        assertThat(browser.findElement(By.id("sign-in")).getText()).isEqualTo("Sign in");
        signIn(CLERK_A);
        String code = world.codeAt("poi-a");
        lookUp(code.substring(0, 12) + "0");
        waitForMessage("code_mistyped");
        assertThat(message()).isEqualTo("The code was mistyped: please check it and type it again");
        click("lang");
        assertThat(message()).isEqualTo("券码输入有误，请核对后重新输入");
    }

    @Test
    void a_wrong_key_is_told_so() {
        browser.findElement(By.id("key")).sendKeys("not-the-key-0000000000");
        click("sign-in");
        waitForMessage("unauthorized");
        assertThat(message()).isEqualTo("密钥无效，请重新登录");
        assertThat(browser.findElement(By.id("counter-panel")).isDisplayed()).isFalse();
    }

    @Test
    void a_code_for_another_store_is_refused_with_a_clear_message() {
        String code = world.codeAt("poi-b");
        signIn(CLERK_A);
        lookUp(code);
        waitForMessage("wrong_store");
        assertThat(message()).isEqualTo("此券不属于本门店，请到购买时选择的门店提货");
        assertThat(browser.findElement(By.id("result")).isDisplayed()).isFalse();
    }

    @Test
    void an_already_redeemed_code_is_shown_as_such_and_cannot_be_redeemed_again() {
        String code = world.codeAt("poi-a");
        world.post("/api/v1/counter/redeem", CLERK_A, "{\"code\":\"" + code + "\"}");
        signIn(CLERK_A);
        lookUp(code);
        waitForMessage("already_redeemed");
        assertThat(message()).isEqualTo("此券已核销，不能重复核销");
        assertThat(browser.findElement(By.id("redeem")).isEnabled()).isFalse();
        assertThat(browser.findElement(By.id("cancel")).isEnabled()).isTrue();
    }

    @Test
    void a_mistyped_code_is_told_so() {
        String code = world.codeAt("poi-a");
        String swapped = code.substring(0, 3) + code.charAt(4) + code.charAt(3) + code.substring(5);
        signIn(CLERK_A);
        lookUp(swapped.equals(code) ? code.substring(0, 12) + "0" : swapped);
        waitForMessage("code_mistyped");
        assertThat(message()).isEqualTo("券码输入有误，请核对后重新输入");
    }

    @Test
    void a_refunded_code_is_refused() {
        MerchantWorld.Placed placed = world.order(X, "poi-a", "dp-tea", "ds-tea");
        world.refundRequested(placed.orderId(), placed.code());
        signIn(CLERK_A);
        lookUp(placed.code());
        waitForMessage("refunded");
        assertThat(message()).isEqualTo("此券已退款或正在退款，不能核销");
        assertThat(browser.findElement(By.id("redeem")).isEnabled()).isFalse();
    }

    @Test
    void an_expired_code_is_refused_when_redeemed() {
        String code = world.codeAt("poi-a");
        signIn(CLERK_A);
        lookUp(code);
        waitForMessage("ready");
        java.time.Instant now = world.tihuo.clock().instant();
        world.tihuo.clock().advance(Duration.ofDays(400));
        try {
            click("redeem");
            waitForMessage("expired");
            assertThat(message()).isEqualTo("此券已过期，不能核销");
        } finally {
            world.tihuo.clock().set(now);
        }
    }

    // ---- page driving ------------------------------------------------------------------------------------------------

    private void signIn(String key) {
        browser.findElement(By.id("key")).sendKeys(key);
        click("sign-in");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code")));
    }

    private void lookUp(String code) {
        WebElement input = browser.findElement(By.id("code"));
        input.clear();
        input.sendKeys(code);
        click("look-up");
        wait.until(d -> d.findElement(By.id("message")).getAttribute("data-code") != null);
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private void waitForMessage(String code) {
        wait.until(d -> code.equals(d.findElement(By.id("message")).getAttribute("data-code")));
    }

    private String messageCode() {
        return browser.findElement(By.id("message")).getAttribute("data-code");
    }

    private String message() {
        return browser.findElement(By.id("message")).getText();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }
}
