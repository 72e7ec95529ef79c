package dev.tihuo.adapters.http.counter;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The counter page: static HTML, CSS and JS from {@code counter/} on the classpath, served at {@code /counter/}.
 * It talks to the merchant API with the key the clerk signs in with; nothing is built beyond Maven.
 */
public final class CounterPage {
    public static final String PATH = "/counter";

    private CounterPage() {}

    public static void mount(Router router) {
        // Vert.x matches "/counter" for "/counter/" too: redirect the bare path only.
        router.get(PATH).handler(ctx -> {
            if (PATH.equals(ctx.request().path())) {
                ctx.redirect(PATH + "/");
            } else {
                ctx.next();
            }
        });
        router.route(PATH + "/*").handler(ctx -> {
            ctx.response().putHeader("X-Content-Type-Options", "nosniff")
                    .putHeader("X-Frame-Options", "DENY")
                    .putHeader("Referrer-Policy", "no-referrer")
                    .putHeader("Content-Security-Policy",
                            "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
            ctx.next();
        });
        router.route(PATH + "/*").handler(StaticHandler.create("counter").setIndexPage("index.html").setCachingEnabled(false));
    }
}
