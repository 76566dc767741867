package io.carlo.server.web;

import java.time.Duration;
import java.util.Arrays;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the browser UI (the carlo-web jar's {@code /static}): {@code /} and every page of the
 * single-page application answer its {@code index.html}, so that a link to a workbook or a
 * simulation opens that page directly; the built assets, whose names change with their content, are
 * cached for a year. Nothing here touches {@code /api}.
 */
@Configuration
public class WebUi implements WebMvcConfigurer {

    /** Where the UI's files are: the jar's /static, or what spring.web.resources.static-locations says. */
    private final String[] locations;

    public WebUi(WebProperties web) {
        this.locations = web.getResources().getStaticLocations();
    }

    /** The UI's own routes (web/src/state/router.ts); anything else that is not a file is a 404. */
    static final String[] PAGES = {"/login", "/signup", "/workbooks", "/workbooks/{id}", "/simulations",
        "/simulations/{id}", "/compare", "/settings", "/invitations/{token}"};

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        for (String page : PAGES) {
            registry.addViewController(page).setViewName("forward:/index.html");
        }
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        String[] assets = Arrays.stream(locations).map(l -> (l.endsWith("/") ? l : l + "/") + "assets/")
                .toArray(String[]::new);
        registry.addResourceHandler("/assets/**").addResourceLocations(assets)
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        registry.addResourceHandler("/index.html", "/favicon.svg").addResourceLocations(locations)
                .setCacheControl(CacheControl.noCache());
    }
}
