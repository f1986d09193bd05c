package org.onegrid.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Pages get the map tiles into their model; API answers and redirects are left alone. */
class MapTilesModelTests {

    final MapTiles tiles = MapTilesTests.bind(Map.of());
    final MapData data = new MapData("区划 东营市民政局 2025");
    final MapTilesModel model = new MapTilesModel(tiles, data);

    ModelAndView handled(ModelAndView page) {
        model.postHandle(new MockHttpServletRequest(), new MockHttpServletResponse(), new Object(), page);
        return page;
    }

    @Test
    void aPageToRenderGetsTheTilesAndTheMapDatasNotice() {
        assertThat(handled(new ModelAndView("region/map")).getModel())
                .containsEntry("mapTiles", tiles)
                .containsEntry("mapData", data);
        assertThat(handled(new ModelAndView("incident/workbench :: list")).getModel())
                .containsEntry("mapTiles", tiles);
    }

    @Test
    void anApiAnswerOrARedirectGetsNothing() {
        handled(null);
        assertThat(handled(new ModelAndView("redirect:/admin/regions")).getModel())
                .doesNotContainKey("mapTiles");
        assertThat(handled(new ModelAndView(new RedirectView("/login"))).getModel())
                .doesNotContainKey("mapTiles");
    }
}
