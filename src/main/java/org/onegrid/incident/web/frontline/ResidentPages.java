package org.onegrid.incident.web.frontline;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.PublicIncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.incident.persistence.TrackingCodes;
import org.onegrid.region.Grids;
import org.onegrid.shared.web.Throttle;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 群众随手拍: public phone pages, no account. Report a problem (type, text, optional phone, position), get a tracking
 * code (查询码), follow the public timeline by it, and rate the result once it is closed.
 */
@Controller
class ResidentPages {

    /** Mainland mobile numbers, or landlines with an area code (0546-8888888). */
    private final IncidentApi incidents;

    private final Catalog catalog;
    private final Grids grids;
    /** Reports without an account from one address in an hour (against flooding). */
    private static final int REPORTS_PER_HOUR = 10;
    /** Unknown tracking codes from one address in an hour (against guessing). */
    private static final int UNKNOWN_CODES_PER_HOUR = 30;

    private final Throttle reports;
    private final Throttle lookups;

    ResidentPages(IncidentApi incidents, Catalog catalog, Grids grids, Clock clock) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.grids = grids;
        this.reports = new Throttle(Duration.ofHours(1), clock);
        this.lookups = new Throttle(Duration.ofHours(1), clock);
    }

    @GetMapping("/r")
    String start() {
        return "resident/start";
    }

    @GetMapping("/r/report")
    String reportForm(Model model) {
        model.addAttribute("form", ReportForm.blank());
        return "resident/report";
    }

    @PostMapping("/r/report")
    String report(
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String lng,
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String phone,
            HttpServletRequest request,
            Model model) {
        ReportForm form = new ReportForm(key, itemCode, text, lng, lat, address, phone)
                .check(catalog, grids)
                .checkPhone();
        model.addAttribute("form", form);
        if (!form.valid()) {
            return "resident/report";
        }
        if (!reports.allow(request.getRemoteAddr(), REPORTS_PER_HOUR)) {
            model.addAttribute("busy", true);
            return "resident/report";
        }
        double[] point = form.point().orElseThrow();
        try {
            IncidentApi.Tracked tracked = incidents.reportAnonymously(
                    new ReportIncident(
                            form.itemCode,
                            form.text,
                            null,
                            point[0],
                            point[1],
                            form.address.isEmpty() ? null : form.address,
                            null,
                            null,
                            form.digits().isEmpty() ? null : form.digits(),
                            null),
                    form.key);
            return "redirect:/r/track/" + tracked.trackingCode() + "?new";
        } catch (RuntimeException e) {
            if (!Refusal.isRefusal(e)) {
                throw e;
            }
            model.addAttribute("refusal", Refusal.of(e));
            return "resident/report";
        }
    }

    @GetMapping("/r/track")
    String trackForm(@RequestParam(required = false) String code, Model model) {
        if (code != null && !code.isBlank()) {
            String normal = TrackingCodes.normalise(code);
            if (normal != null) {
                return "redirect:/r/track/" + normal;
            }
            model.addAttribute("unknown", true);
            model.addAttribute("code", code.strip());
        }
        return "resident/track-form";
    }

    @GetMapping("/r/track/{code}")
    String track(
            @PathVariable String code,
            @RequestParam(name = "new", required = false) String fresh,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if (guessing(request, response)) {
            model.addAttribute("busy", true);
            model.addAttribute("code", code);
            return "resident/track-form";
        }
        Optional<PublicIncidentView> found = incidents.track(code);
        if (found.isEmpty()) {
            lookups.allow(request.getRemoteAddr(), UNKNOWN_CODES_PER_HOUR);
            model.addAttribute("unknown", true);
            model.addAttribute("code", code);
            return "resident/track-form";
        }
        model.addAttribute("view", found.get());
        model.addAttribute("fresh", fresh != null);
        return "resident/track";
    }

    @PostMapping("/r/track/{code}/rate")
    String rate(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String satisfaction,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        // a rating names a code too: guessing by rating is counted and stopped like guessing by looking up
        if (guessing(request, response)) {
            model.addAttribute("busy", true);
            model.addAttribute("code", code);
            return "resident/track-form";
        }
        try {
            incidents.evaluateByCode(code, satisfaction);
        } catch (RuntimeException e) {
            if (!Refusal.isRefusal(e)) {
                throw e;
            }
            Optional<PublicIncidentView> found = incidents.track(code);
            if (found.isEmpty()) {
                lookups.allow(request.getRemoteAddr(), UNKNOWN_CODES_PER_HOUR);
                model.addAttribute("unknown", true);
                model.addAttribute("code", code);
                return "resident/track-form";
            }
            model.addAttribute("view", found.get());
            model.addAttribute("refusal", Refusal.of(e));
            return "resident/track";
        }
        redirect.addFlashAttribute("rated", true);
        return "redirect:/r/track/" + TrackingCodes.normalise(code);
    }

    /**
     * Whether this address tried too many unknown codes within the hour; then it is answered 429 with when to try
     * again, even for a right code, so that guessing gains nothing. The address is the client's as the trusted proxy
     * forwards it (see OPERATIONS), not the proxy's own.
     */
    private boolean guessing(HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        if (!lookups.exhausted(address, UNKNOWN_CODES_PER_HOUR)) {
            return false;
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(
                HttpHeaders.RETRY_AFTER,
                String.valueOf(lookups.retryAfter(address).toSeconds()));
        return true;
    }
}
