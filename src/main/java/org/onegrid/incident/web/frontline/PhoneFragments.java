package org.onegrid.incident.web.frontline;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * Partials of the phone report forms. The type picker's results (htmx partial) for the phone report forms: items matching the typed text, or, before
 * anything is typed, the catalog by category. {@code /r/types} is public, like the resident's form.
 */
@Controller
class PhoneFragments {

    private final Catalog catalog;
    private final Grids grids;

    PhoneFragments(Catalog catalog, Grids grids) {
        this.catalog = catalog;
        this.grids = grids;
    }

    @GetMapping({"/m/types", "/r/types"})
    String types(@RequestParam(defaultValue = "") String q, Model model) {
        String text = q.strip();
        if (text.length() > 50) {
            text = text.substring(0, 50);
        }
        model.addAttribute("q", text);
        if (text.isEmpty()) {
            model.addAttribute("categories", catalog.categories());
        } else {
            model.addAttribute("items", catalog.search(text));
        }
        return "mobile/types :: results";
    }

    /** Where a point lies (town · village · grid), so the user sees that the pin is right; says so when outside. */
    @GetMapping(
            path = {"/m/where", "/r/where"},
            produces = "text/html;charset=UTF-8")
    @ResponseBody
    String where(@RequestParam(defaultValue = "") String lng, @RequestParam(defaultValue = "") String lat) {
        Optional<Location> found;
        try {
            found = grids.locate(Double.parseDouble(lng), Double.parseDouble(lat));
        } catch (NumberFormatException e) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            return "<span class=\"field-error\">\u4e0d\u5728\u672c\u5e02\u7f51\u683c\u8303\u56f4\u5185</span>";
        }
        Location l = found.get();
        String text = Stream.of(l.county(), l.town(), l.village())
                .filter(Objects::nonNull)
                .map(r -> r.name())
                .collect(Collectors.joining(" · "));
        return HtmlUtils.htmlEscape(text + " · " + l.grid().name());
    }
}
