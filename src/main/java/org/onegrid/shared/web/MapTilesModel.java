package org.onegrid.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.servlet.view.UrlBasedViewResolver;

/**
 * Puts the configured {@link MapTiles} and {@link MapData} into the model of every page that is rendered, as {@code
 * mapTiles} and {@code mapData}, for {@code fragments/map}. Added once the handler has chosen a view, not by a {@code @ControllerAdvice}: an advice for
 * {@code @Controller} also applies to every {@code @RestController}, so each API request would look the advice up and
 * run it for a model it never renders.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MapTiles.class, MapNavigation.class, MapData.class})
class MapTilesModel implements WebMvcConfigurer, HandlerInterceptor {

    static final String ATTRIBUTE = "mapTiles";
    static final String DATA = "mapData";

    private final MapTiles tiles;
    private final MapData data;

    MapTilesModel(MapTiles tiles, MapData data) {
        this.tiles = tiles;
        this.data = data;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    /** A page to render gets the tiles; an API answer (no view) and a redirect do not. */
    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        if (page != null && !isRedirect(page)) {
            page.addObject(ATTRIBUTE, tiles);
            page.addObject(DATA, data);
        }
    }

    private static boolean isRedirect(ModelAndView page) {
        return page.getView() instanceof RedirectView
                || (page.getViewName() != null
                        && page.getViewName().startsWith(UrlBasedViewResolver.REDIRECT_URL_PREFIX));
    }
}
