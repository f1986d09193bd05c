package org.onegrid.incident.web.frontline;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.onegrid.casework.attach.PhotoUploads;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentFilter;
import org.onegrid.incident.PublicIncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.incident.persistence.TrackingCodes;
import org.onegrid.region.Grids;
import org.onegrid.shared.web.Problems;
import org.onegrid.shared.web.Throttle;
import org.onegrid.staff.Role;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 群众随手拍: public phone pages, no account. Report a problem (type, text, photos, optional phone, position), get a
 * tracking code (查询码), follow the public timeline by it, and rate the result once it is closed. A resident signed in
 * with an account (群众) reports as themselves and finds their own reports listed on {@code /r}.
 */
@Controller
class ResidentPages {

    /** Mainland mobile numbers, or landlines with an area code (0546-8888888). */
    private final IncidentApi incidents;

    private final Catalog catalog;
    private final Grids grids;
    private final PhotoUploads uploads;
    /** Reports without an account from one address in an hour (against flooding). */
    private static final int REPORTS_PER_HOUR = 10;
    /** Unknown tracking codes from one address in an hour (against guessing). */
    private static final int UNKNOWN_CODES_PER_HOUR = 30;

    private final Throttle reports;
    private final Throttle lookups;

    ResidentPages(IncidentApi incidents, Catalog catalog, Grids grids, PhotoUploads uploads, Clock clock) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.grids = grids;
        this.uploads = uploads;
        this.reports = new Throttle(Duration.ofHours(1), clock);
        this.lookups = new Throttle(Duration.ofHours(1), clock);
    }

    /** Reports a signed-in resident finds listed on their page, newest first. */
    private static final int OWN_REPORTS = 50;

    /** The signed-in resident (an account in the role 群众 only), or null: everyone else uses the public pages. */
    private static StaffPrincipal resident(StaffPrincipal me) {
        return me != null && me.roles().equals(java.util.Set.of(Role.RESIDENT)) ? me : null;
    }

    @GetMapping("/r")
    String start(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        StaffPrincipal resident = resident(me);
        if (resident == null) {
            return "resident/start";
        }
        model.addAttribute("me", resident);
        model.addAttribute(
                "reports",
                incidents
                        .list(IncidentFilter.all("reportedAt,desc", 0, OWN_REPORTS), resident)
                        .items());
        return "resident/home";
    }

    @GetMapping("/r/report")
    String reportForm(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("form", ReportForm.blank());
        model.addAttribute("me", resident(me));
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
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal StaffPrincipal me,
            HttpServletRequest request,
            Model model) {
        StaffPrincipal resident = resident(me);
        ReportForm form = new ReportForm(key, itemCode, text, lng, lat, address, phone);
        model.addAttribute("form", form);
        model.addAttribute("me", resident);
        // a second tap of the same form: the report the first one made, as new (the first answer may never have
        // arrived), its photos not stored again
        Optional<String> earlier = resident != null
                ? incidents.reportedWith(form.key, resident).map(id -> "/r/mine/" + id)
                : incidents.reportedAnonymouslyWith(form.key).map(code -> "/r/track/" + code);
        if (earlier.isPresent()) {
            return "redirect:" + earlier.get() + "?new";
        }
        form.check(catalog, grids).checkPhone();
        if (!form.valid()) {
            return "resident/report";
        }
        if (resident == null && !reports.allow(request.getRemoteAddr(), REPORTS_PER_HOUR)) {
            model.addAttribute("busy", true);
            return "resident/report";
        }
        double[] point = form.point().orElseThrow();
        try {
            List<UUID> photoIds = resident != null ? uploads.store(photos, resident) : uploads.storeAnonymously(photos);
            ReportIncident report = new ReportIncident(
                    form.itemCode,
                    form.text,
                    "CITIZEN",
                    point[0],
                    point[1],
                    form.address.isEmpty() ? null : form.address,
                    null,
                    null,
                    form.digits().isEmpty() ? null : form.digits(),
                    photoIds);
            if (resident != null) {
                UUID id =
                        incidents.report(report, form.key, resident).incident().id();
                return "redirect:/r/mine/" + id + "?new";
            }
            IncidentApi.Tracked tracked = incidents.reportAnonymously(report, form.key);
            return "redirect:/r/track/" + tracked.trackingCode() + "?new";
        } catch (RuntimeException e) {
            if (!Refusal.isRefusal(e)) {
                throw e;
            }
            Refusal refusal = Refusal.of(e);
            if ("photos".equals(refusal.field())) {
                form.errors.put("photos", "resident.error.photo");
            }
            model.addAttribute("refusal", refusal);
            return "resident/report";
        }
    }

    /** One of the signed-in resident's own reports, as the public page shows a report by its code. */
    @GetMapping("/r/mine/{id}")
    String own(
            @PathVariable UUID id,
            @RequestParam(name = "new", required = false) String fresh,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model) {
        StaffPrincipal resident = resident(me);
        model.addAttribute("view", ownView(id, resident));
        model.addAttribute("fresh", fresh != null);
        return ownPage(id, resident, model);
    }

    @PostMapping("/r/mine/{id}/rate")
    String rateOwn(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String satisfaction,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        StaffPrincipal resident = resident(me);
        PublicIncidentView view = ownView(id, resident);
        try {
            incidents.evaluate(id, new IncidentCommand.Evaluate(satisfaction, "", List.of()), resident);
        } catch (RuntimeException e) {
            if (!Refusal.isRefusal(e)) {
                throw e;
            }
            model.addAttribute("view", view);
            model.addAttribute("refusal", Refusal.of(e));
            return ownPage(id, resident, model);
        }
        redirect.addFlashAttribute("rated", true);
        return "redirect:/r/mine/" + id;
    }

    @GetMapping("/r/mine/{id}/photos/{photoId}")
    ResponseEntity<byte[]> ownPhoto(
            @PathVariable UUID id, @PathVariable UUID photoId, @AuthenticationPrincipal StaffPrincipal me) {
        return photo(resident(me) == null ? Optional.empty() : incidents.ownPhoto(id, photoId, resident(me)), photoId);
    }

    /** The resident's own report; anything else, signed out included, is answered as not found. */
    private PublicIncidentView ownView(UUID id, StaffPrincipal resident) {
        return (resident == null ? Optional.<PublicIncidentView>empty() : incidents.trackOwn(id, resident))
                .orElseThrow(() -> Problems.notFound("incident", id.toString()));
    }

    private static String ownPage(UUID id, StaffPrincipal resident, Model model) {
        model.addAttribute("me", resident);
        model.addAttribute("rateAction", "/r/mine/" + id + "/rate");
        model.addAttribute("photoBase", "/r/mine/" + id + "/photos/");
        return "resident/track";
    }

    private static ResponseEntity<byte[]> photo(Optional<IncidentApi.Photo> found, UUID photoId) {
        IncidentApi.Photo photo = found.orElseThrow(() -> Problems.notFound("photo", photoId.toString()));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.data());
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
        return trackPage(found.get(), model);
    }

    private static String trackPage(PublicIncidentView view, Model model) {
        model.addAttribute("rateAction", "/r/track/" + view.trackingCode() + "/rate");
        model.addAttribute("photoBase", "/r/track/" + view.trackingCode() + "/photos/");
        return "resident/track";
    }

    /** A photo the resident sent with the report of this code. */
    @GetMapping("/r/track/{code}/photos/{photoId}")
    ResponseEntity<byte[]> trackedPhoto(
            @PathVariable String code,
            @PathVariable UUID photoId,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (guessing(request, response)) {
            throw Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-lookups", "Too many unknown codes");
        }
        Optional<IncidentApi.Photo> found = incidents.trackedPhoto(code, photoId);
        if (found.isEmpty()) {
            lookups.allow(request.getRemoteAddr(), UNKNOWN_CODES_PER_HOUR);
        }
        return photo(found, photoId);
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
            return trackPage(found.get(), model);
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
