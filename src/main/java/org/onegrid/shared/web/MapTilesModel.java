package org.onegrid.shared.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the configured {@link MapTiles} into every page's model as {@code mapTiles}, for {@code fragments/map}. */
@ControllerAdvice(annotations = Controller.class)
@EnableConfigurationProperties(MapTiles.class)
class MapTilesModel {

    private final MapTiles tiles;

    MapTilesModel(MapTiles tiles) {
        this.tiles = tiles;
    }

    @ModelAttribute("mapTiles")
    MapTiles mapTiles() {
        return tiles;
    }
}
