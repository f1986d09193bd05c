package org.onegrid.shared.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The notice of the city's own map data ({@code onegrid.map.data.attribution}), e.g. who drew the boundaries and
 * grids and when; shown in the corner of every map while no tiles are on (with tiles, their own notice is shown).
 * Templates read it through {@code fragments/map}.
 *
 * @param attribution plain text; none when blank
 */
@ConfigurationProperties("onegrid.map.data")
public record MapData(String attribution) {

    public MapData {
        attribution = attribution == null || attribution.isBlank() ? null : attribution.strip();
    }
}
