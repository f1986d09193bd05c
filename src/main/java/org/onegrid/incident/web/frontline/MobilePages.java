package org.onegrid.incident.web.frontline;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.onegrid.casework.attach.PhotoUploads;
import org.onegrid.casework.notify.NotificationPage;
import org.onegrid.casework.notify.Notifications;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.ReportIncident;
import org.onegrid.incident.WorkListsApi;
import org.onegrid.incident.web.PlaceNames;
import org.onegrid.region.Grids;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.security.access.prepost.PreAuthorize;
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
 * 网格员移动端: phone pages for one thumb. Report with type, text, camera photos and the browser's position (a pin to
 * drag); my reports; incidents to verify in my grids; small incidents to resolve on the spot; my messages (消息).
 */
@Controller
@PreAuthorize("hasRole('GRID_WORKER')")
class MobilePages {

    private final IncidentApi incidents;
    private final WorkListsApi lists;
    private final Catalog catalog;
    private final Grids grids;
    private final PlaceNames placeNames;
    private final PhotoUploads uploads;
    private final Notifications notifications;
    private final Clock clock;

    MobilePages(
            IncidentApi incidents,
            WorkListsApi lists,
            Catalog catalog,
            Grids grids,
            PhotoUploads uploads,
            PlaceNames placeNames,
            Notifications notifications,
            Clock clock) {
        this.placeNames = placeNames;
        this.incidents = incidents;
        this.lists = lists;
        this.catalog = catalog;
        this.grids = grids;
        this.uploads = uploads;
        this.notifications = notifications;
        this.clock = clock;
    }

    @GetMapping("/m")
    String home(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        model.addAttribute("me", me);
        model.addAttribute(
                "grids",
                me.grids().stream().sorted().map(placeNames::gridInVillage).collect(Collectors.joining("、")));
        model.addAttribute(
                "toVerify", lists.grid(WorkListsApi.GridList.TO_VERIFY, me).size());
        model.addAttribute(
                "resolvable", lists.grid(WorkListsApi.GridList.RESOLVABLE, me).size());
        model.addAttribute("unread", notifications.mine(me, true, 0, 1).unread());
        return "mobile/home";
    }

    private static final int MESSAGES_PER_PAGE = 30;

    /** 消息: the worker's notifications, newest first, the unread ones marked. */
    @GetMapping("/m/messages")
    String messages(
            @RequestParam(defaultValue = "0") int page, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        NotificationPage mine = notifications.mine(me, false, Math.max(0, page), MESSAGES_PER_PAGE);
        model.addAttribute("messages", mine);
        model.addAttribute("more", (long) (mine.page() + 1) * MESSAGES_PER_PAGE < mine.total());
        model.addAttribute("me", me);
        return "mobile/messages";
    }

    /** Marks a message read; with {@code open}, goes on to its incident's page. */
    @PostMapping("/m/messages/{id}/read")
    String read(
            @PathVariable long id,
            @RequestParam(required = false) UUID open,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me) {
        notifications.markRead(id, me, clock.instant());
        return open != null ? "redirect:/m/i/" + open : "redirect:/m/messages?page=" + Math.max(0, page);
    }

    @GetMapping("/m/report")
    String reportForm(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return form(ReportForm.blank(), me, model);
    }

    @PostMapping("/m/report")
    String report(
            @RequestParam(required = false) String key,
            @RequestParam(required = false) String itemCode,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) String lng,
            @RequestParam(required = false) String lat,
            @RequestParam(required = false) String address,
            @RequestParam(required = false) String residentName,
            @RequestParam(required = false) String residentPhone,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        ReportForm form = new ReportForm(key, itemCode, text, lng, lat, address, residentPhone);
        // a second tap of the same form: the incident the first one created
        Optional<UUID> earlier = incidents.reportedWith(form.key, me);
        if (earlier.isPresent()) {
            return "redirect:/m/i/" + earlier.get();
        }
        form.check(catalog, grids).forResident(residentName);
        if (form.location != null && !me.canSeePath(form.location.village().path())) {
            form.errors.put("location", "mobile.error.notYourGrid");
        }
        if (!form.valid()) {
            return form(form, me, model);
        }
        try {
            List<UUID> photoIds = uploads.store(photos, me);
            double[] point = form.point().orElseThrow();
            IncidentApi.Reported reported = incidents.report(
                    new ReportIncident(
                            form.itemCode,
                            form.text,
                            "GRID_WORKER",
                            point[0],
                            point[1],
                            form.address.isEmpty() ? null : form.address,
                            null,
                            form.residentName.isEmpty() ? null : form.residentName,
                            form.digits().isEmpty() ? null : form.digits(),
                            photoIds),
                    form.key,
                    me);
            redirect.addFlashAttribute("done", form.forAResident() ? "mobile.reportedFor" : "mobile.reported");
            return "redirect:/m/i/" + reported.incident().id();
        } catch (RuntimeException e) {
            if (!Refusal.isRefusal(e)) {
                throw e;
            }
            Optional<UUID> raced = incidents.reportedWith(form.key, me);
            if (raced.isPresent()) {
                return "redirect:/m/i/" + raced.get();
            }
            Refusal refusal = Refusal.of(e);
            String field = refusal.field() == null ? "" : refusal.field();
            if (field.equals("photos")) {
                form.errors.put("photos", "mobile.error.photo");
            }
            model.addAttribute("refusal", refusal);
            return form(form, me, model);
        }
    }

    private String form(ReportForm form, StaffPrincipal me, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("me", me);
        model.addAttribute("home", homeGrid(me));
        return "mobile/report";
    }

    /** The first grid the worker works in, to centre the map before the position is known. */
    private String homeGrid(StaffPrincipal me) {
        Set<String> mine = me.grids();
        return mine.stream().sorted().findFirst().orElse("");
    }

    @GetMapping("/m/mine")
    String mine(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return list(WorkListsApi.GridList.MINE, "mobile.mine", me, model);
    }

    @GetMapping("/m/verify")
    String toVerify(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return list(WorkListsApi.GridList.TO_VERIFY, "mobile.verify", me, model);
    }

    @GetMapping("/m/resolve")
    String resolvable(@AuthenticationPrincipal StaffPrincipal me, Model model) {
        return list(WorkListsApi.GridList.RESOLVABLE, "mobile.resolve", me, model);
    }

    private String list(WorkListsApi.GridList which, String title, StaffPrincipal me, Model model) {
        model.addAttribute("title", title);
        model.addAttribute("rows", lists.grid(which, me));
        model.addAttribute("me", me);
        return "mobile/list";
    }

    @GetMapping("/m/i/{id}")
    String incident(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model) {
        return show(load(id, me), me, model);
    }

    @PostMapping("/m/i/{id}/verify")
    String verify(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(defaultValue = "true") boolean passed,
            @RequestParam(defaultValue = "") String comment,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Map.of("comment", comment);
        if ((!passed && comment.isBlank()) || comment.length() > 4000) {
            return refuse(id, "verify", "comment", "mobile.error.comment", values, me, model);
        }
        return act(
                id,
                version,
                "verify",
                values,
                me,
                model,
                redirect,
                "mobile.done.verify",
                () -> incidents.verify(
                        id, new IncidentCommand.Verify(passed, comment.strip(), uploads.store(photos, me)), me));
    }

    @PostMapping("/m/i/{id}/resolve")
    String resolve(
            @PathVariable UUID id,
            @RequestParam long version,
            @RequestParam(defaultValue = "") String result,
            @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = Map.of("result", result);
        if (result.isBlank() || result.length() > 4000) {
            return refuse(id, "resolve", "result", "mobile.error.comment", values, me, model);
        }
        if (photos == null || photos.stream().allMatch(MultipartFile::isEmpty)) {
            return refuse(id, "resolve", "photos", "mobile.error.photo", values, me, model);
        }
        return act(
                id,
                version,
                "resolve",
                values,
                me,
                model,
                redirect,
                "mobile.done.resolve",
                () -> incidents.resolve(id, new IncidentCommand.Plain(result.strip(), uploads.store(photos, me)), me));
    }

    private String act(
            UUID id,
            Long version,
            String form,
            Map<String, String> values,
            StaffPrincipal me,
            Model model,
            RedirectAttributes redirect,
            String done,
            java.util.function.Supplier<IncidentView> action) {
        return Staleness.act(
                load(id, me),
                version,
                form,
                values,
                model,
                redirect,
                done,
                "/m/i/" + id,
                action,
                () -> load(id, me),
                incident -> show(incident, me, model));
    }

    private String refuse(
            UUID id,
            String form,
            String field,
            String key,
            Map<String, String> values,
            StaffPrincipal me,
            Model model) {
        model.addAttribute("fieldError", Refusal.atField(field, key));
        model.addAttribute("form", form);
        model.addAttribute("values", values);
        return show(load(id, me), me, model);
    }

    private IncidentView load(UUID id, StaffPrincipal me) {
        return incidents.find(id, me).orElseThrow(() -> Problems.notFound("incident", id.toString()));
    }

    private String show(IncidentView incident, StaffPrincipal me, Model model) {
        Set<String> mine = me.grids();
        boolean myGrid = mine.contains(incident.gridCode());
        IncidentView.HandlingView h = incident.handling();
        boolean dual = h != null && "DUAL".equals(h.mode());
        boolean mayVerify = "HANDLED".equals(incident.status())
                && (dual ? Long.valueOf(me.userId()).equals(h.supervisorUserId()) : myGrid);
        boolean mayResolve = myGrid
                && ("REPORTED".equals(incident.status()) || "ACCEPTED".equals(incident.status()))
                && incident.terms() != null
                && !incident.terms().emergency()
                && ("GRID".equals(incident.terms().normalLevel())
                        || "VILLAGE".equals(incident.terms().normalLevel()));
        model.addAttribute("incident", incident);
        model.addAttribute("mayVerify", mayVerify);
        model.addAttribute("mayResolve", mayResolve);
        model.addAttribute(
                "trackingCode", incidents.trackingCode(incident.id(), me).orElse(null));
        model.addAttribute("me", me);
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", new LinkedHashMap<String, String>());
        }
        return "mobile/incident";
    }
}
