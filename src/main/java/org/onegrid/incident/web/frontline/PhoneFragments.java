package org.onegrid.incident.web.frontline;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.onegrid.catalog.Catalog;
import org.onegrid.region.Grids;
import org.onegrid.region.Location;
import org.onegrid.region.Outlines;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.suggest.Suggestions;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
    private final Outlines outlines;
    private final MessageSource messages;
    private final Suggestions suggestions;

    PhoneFragments(Catalog catalog, Grids grids, Outlines outlines, MessageSource messages, Suggestions suggestions) {
        this.catalog = catalog;
        this.suggestions = suggestions;
        this.grids = grids;
        this.outlines = outlines;
        this.messages = messages;
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

    /** Fewer characters say too little to suggest a type from. */
    private static final int SUGGEST_FROM = 4;

    /** The types 智能分拨 suggests for the description typed so far; nothing for a few characters. */
    @GetMapping({"/m/suggest", "/r/suggest"})
    String suggest(@RequestParam(defaultValue = "") String text, Model model) {
        String typed = text.strip();
        if (typed.length() > Suggestions.MAX_TEXT) {
            typed = typed.substring(0, Suggestions.MAX_TEXT);
        }
        model.addAttribute(
                "suggestions",
                typed.codePointCount(0, typed.length()) < SUGGEST_FROM
                        ? List.of()
                        : suggestions.suggest(typed, null, null).suggestions());
        return "mobile/types :: suggested";
    }

    /**
     * Where a point lies (county · town · village · grid), so the user sees that the pin is right; says so when
     * outside the city, and tells a grid worker plainly when the pin is outside their own grids.
     */
    @GetMapping(
            path = {"/m/where", "/r/where"},
            produces = "text/html;charset=UTF-8")
    @ResponseBody
    String where(
            @RequestParam(defaultValue = "") String lng,
            @RequestParam(defaultValue = "") String lat,
            @AuthenticationPrincipal StaffPrincipal me,
            Locale locale) {
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
        String place = HtmlUtils.htmlEscape(text + " · " + l.grid().name());
        if (me == null || me.grids().isEmpty()) {
            return place;
        }
        if (me.grids().contains(l.grid().code())) {
            return "<span id=\"in-my-grid\">" + place + "</span>";
        }
        return "<span class=\"field-error\" id=\"outside-my-grids\" role=\"alert\">"
                + HtmlUtils.htmlEscape(messages.getMessage(
                        "place.outside.in",
                        new Object[] {text + " · " + l.grid().name()},
                        locale))
                + "</span>";
    }

    /**
     * The outlines a grid worker's report map draws: their own grids (marked {@code mine}) and the grids around them
     * with their names, also across the village's edge, so that a pin just outside shows where it is.
     */
    @GetMapping(
            path = "/m/report/outlines",
            produces = {"application/geo+json", "application/json"})
    @ResponseBody
    Map<String, Object> outlines(@AuthenticationPrincipal StaffPrincipal me) {
        Set<String> mine = me.grids();
        Set<String> codes = new TreeSet<>(mine);
        mine.forEach(code -> codes.addAll(outlines.gridsNear(code)));
        Map<String, Object> fc = outlines.featureCollection(Outlines.Level.GRID, codes, 16);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> features = (List<Map<String, Object>>) fc.get("features");
        for (Map<String, Object> f : features) {
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) f.get("properties");
            props.put("mine", mine.contains((String) f.get("id")));
        }
        return fc;
    }
}
