package org.varsel.desk;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium driven headless through chromium-driver (nothing is downloaded), with the steps every desk browser
 * test takes: sign in, click and wait for the next page, keep a screenshot ({@code -Dvarsel.screenshots=<dir>}, else
 * target/screenshots). A test that needs it is skipped when /usr/bin/chromedriver is absent.
 */
final class HeadlessChromium implements AutoCloseable {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final WebDriver browser;

    private HeadlessChromium(WebDriver browser) {
        this.browser = browser;
    }

    static HeadlessChromium start() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMEDRIVER),
                "browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver");
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--window-size=1400,1500",
                "--user-data-dir=" + profile);
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        return new HeadlessChromium(browser);
    }

    WebDriver browser() {
        return browser;
    }

    void signIn(String base, String username, String password) {
        browser.get(base + "/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickAndLoad(By.id("sign-in"));
    }

    /** Clicks something that loads a new page and waits until the new page is there. */
    void clickAndLoad(By target) {
        WebElement element = browser.findElement(target);
        loadAfter(element::click);
    }

    /** Does what loads a new page and waits until the new page is there. */
    void loadAfter(Runnable action) {
        WebElement old = browser.findElement(By.tagName("html"));
        action.run();
        // the old page is gone once its root element is: ChromeDriver reports a stale element, or (mid-way through
        // navigation) a node that "does not belong to the document"
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(driver -> {
            try {
                old.isEnabled();
                return false;
            } catch (WebDriverException gone) {
                return true;
            }
        });
    }

    void screenshot(String name) throws Exception {
        Path directory = Path.of(System.getProperty("varsel.screenshots", "target/screenshots"));
        Files.createDirectories(directory);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), directory.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Fails when a script opened an alert: hostile text that became markup and ran. */
    void assertNoScriptRan() {
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("a script ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            // nothing ran
        }
    }

    /** The element's computed CSS {@code filter} (blurred evidence says {@code blur(…)}). */
    String filterOf(WebElement element) {
        return (String)
                ((JavascriptExecutor) browser).executeScript("return getComputedStyle(arguments[0]).filter;", element);
    }

    /** Stops the browser and the desk a browser test started, whichever of them started. */
    static void stop(HeadlessChromium chromium, AutoCloseable desk) throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        if (desk != null) {
            desk.close();
        }
    }

    @Override
    public void close() {
        browser.quit();
    }
}
