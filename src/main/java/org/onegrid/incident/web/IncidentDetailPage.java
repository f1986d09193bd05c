package org.onegrid.incident.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.onegrid.catalog.Catalog;
import org.onegrid.incident.HistoryView;
import org.onegrid.incident.IncidentApi;
import org.onegrid.incident.IncidentCommand;
import org.onegrid.incident.IncidentFilter;
import org.onegrid.incident.IncidentSummaryView;
import org.onegrid.incident.IncidentView;
import org.onegrid.incident.domain.ActionRefused;
import org.onegrid.incident.domain.Status;
import org.onegrid.region.RegionView;
import org.onegrid.region.Regions;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.GridDuty;
import org.onegrid.staff.OrganisationView;
import org.onegrid.staff.Organisations;
import org.onegrid.staff.Role;
import org.onegrid.staff.Staff;
import org.onegrid.staff.StaffPrincipal;
import org.onegrid.worktime.TimeMode;
import org.onegrid.worktime.WorkCalendars;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The incident page 事件详情: map, what was reported, the running stage with its light, the history as a hash-checked
 * timeline, and the actions this user may take now, each a small POST form.
 *
 * <p>Every form carries the {@code version} it was rendered with and the last history entry it showed ({@code seen}).
 * When the incident moved on meanwhile, the action is not tried: the page comes back saying what changed, by whom,
 * when. Whether an action is really allowed is for {@link IncidentApi}; a refusal comes back beside its form.
 */
@Controller
class IncidentDetailPage {

    private final IncidentApi incidents;
    private final Organisations organisations;
    private final Regions regions;
    private final Staff staff;
    private final WorkCalendars calendars;
    private final MessageSource messages;
    private final Clock clock;
    private final RefusalTexts refusals;

    private final PlaceNames placeNames;
    private final Catalog catalog;

    IncidentDetailPage(
            IncidentApi incidents,
            Organisations organisations,
            Regions regions,
            Staff staff,
            WorkCalendars calendars,
            MessageSource messages,
            Clock clock,
            RefusalTexts refusals,
            PlaceNames placeNames,
            Catalog catalog) {
        this.incidents = incidents;
        this.catalog = catalog;
        this.placeNames = placeNames;
        this.refusals = refusals;
        this.organisations = organisations;
        this.regions = regions;
        this.staff = staff;
        this.calendars = calendars;
        this.messages = messages;
        this.clock = clock;
    }

    /** A department offered in the dispatch picker; {@code suggested} when the catalog item names it. */
    record DepartmentChoice(String code, String name, boolean suggested) {}

    /** What went wrong with one submitted form: a message per field, and one for the form as a whole. */
    record Failure(String form, Map<String, String> fields, String message) {}

    @GetMapping("/incidents/{id}")
    String show(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me, Model model, Locale locale) {
        IncidentView incident = incidents.find(id, me).orElseThrow(() -> Problems.notFound("Incident", id.toString()));
        return render(incident, me, model, locale);
    }

    @PostMapping("/incidents/{id}/{action}")
    String act(
            @PathVariable UUID id,
            @PathVariable String action,
            @RequestParam Map<String, String> form,
            @RequestParam(name = "assisting", required = false) List<String> assisting,
            @AuthenticationPrincipal StaffPrincipal me,
            Model model,
            Locale locale,
            RedirectAttributes redirect,
            jakarta.servlet.http.HttpServletResponse response) {
        if (!ACTIONS.contains(action)) {
            throw Problems.notFound("Action", action);
        }
        long version = required(form, "version");
        IncidentView current = incidents.find(id, me).orElseThrow(() -> Problems.notFound("Incident", id.toString()));
        long seen = number(form.get("seen"), 0);
        if (version != current.version()) {
            return stale(current, seen, me, model, locale, response);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String comment = text(form.get("comment"));
        Supplier<IncidentView> command = switch (action) {
            case "accept" -> () -> incidents.accept(id, plain(comment), me);
            case "reject" -> {
                require(fields, "comment", comment, "action.error.reason", locale);
                yield () -> incidents.reject(id, plain(comment), me);
            }
            case "merge" -> {
                UUID into = uuid(form.get("into"));
                if (into == null) {
                    fields.put("into", message("action.error.into", locale));
                }
                yield () -> incidents.merge(id, new IncidentCommand.Merge(into, comment, List.of()), me);
            }
            case "dispatch" -> {
                String mode = text(form.get("mode")) == null ? "SINGLE" : form.get("mode");
                String department = text(form.get("department"));
                require(fields, "department", department, "action.error.department", locale);
                List<String> helpers = assisting == null
                        ? List.of()
                        : assisting.stream()
                                .filter(a -> !a.isBlank() && !a.equals(department))
                                .toList();
                Long supervisor = null;
                if ("DUAL".equals(mode)) {
                    supervisor = number(form.get("supervisor"), 0) > 0 ? number(form.get("supervisor"), 0) : null;
                    if (supervisor == null) {
                        fields.put("supervisor", message("action.error.supervisor", locale));
                    }
                }
                if ("JOINT".equals(mode) && helpers.isEmpty()) {
                    fields.put("assisting", message("action.error.assisting", locale));
                }
                Long supervisorId = supervisor;
                yield () -> incidents.dispatch(
                        id,
                        new IncidentCommand.Dispatch(
                                mode,
                                department,
                                "JOINT".equals(mode) ? helpers : List.of(),
                                supervisorId,
                                null,
                                comment,
                                List.of()),
                        me);
            }
            case "escalate" -> () -> incidents.escalate(id, new IncidentCommand.Escalate(null, comment, List.of()), me);
            case "urge" -> () -> incidents.urge(id, plain(comment), me);
            case "supervise" -> {
                long hours = number(form.get("hours"), 0);
                if (hours < 1 || hours > 720) {
                    fields.put("hours", message("action.error.hours", locale));
                }
                require(fields, "comment", comment, "action.error.instruction", locale);
                boolean natural = "on".equals(form.get("natural")) || "true".equals(form.get("natural"));
                yield () -> incidents.supervise(
                        id, new IncidentCommand.Supervise((int) hours, natural, comment, List.of()), me);
            }
            case "verify" -> {
                boolean passed = !"false".equals(form.get("passed"));
                if (!passed) {
                    require(fields, "comment", comment, "action.error.reason", locale);
                }
                yield () -> incidents.verify(id, new IncidentCommand.Verify(passed, comment, List.of()), me);
            }
            case "reopen" -> () -> incidents.reopen(id, plain(comment), me);
            case "reclassify" -> {
                String itemCode = text(form.get("itemCode"));
                require(fields, "itemCode", itemCode, "action.error.item", locale);
                if (itemCode != null && !itemCode.equals(current.itemCode())) {
                    require(fields, "comment", comment, "action.error.reason", locale);
                }
                yield () -> incidents.reclassify(id, new IncidentCommand.Reclassify(itemCode, comment, List.of()), me);
            }
            case "extension" -> {
                boolean approve = !"false".equals(form.get("approve"));
                if (!approve) {
                    require(fields, "comment", comment, "action.error.reason", locale);
                }
                yield () -> incidents.decideExtension(
                        id, new IncidentCommand.DecideExtension(approve, comment, List.of()), me);
            }
            default -> throw Problems.notFound("Action", action);
        };
        if (!fields.isEmpty()) {
            return failed(
                    current,
                    new Failure(action, fields, null),
                    form,
                    me,
                    model,
                    locale,
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT);
        }
        try {
            command.get();
        } catch (ActionRefused refused) {
            return failed(
                    current,
                    new Failure(action, Map.of(), refusals.text(refused, locale)),
                    form,
                    me,
                    model,
                    locale,
                    response,
                    HttpStatus.CONFLICT);
        } catch (ErrorResponseException refused) {
            String type = refused.getBody().getType() == null
                    ? ""
                    : refused.getBody().getType().toString();
            if (type.endsWith("/changed-meanwhile")) {
                IncidentView now = incidents.find(id, me).orElse(current);
                return stale(now, seen, me, model, locale, response);
            }
            String field = WorkbenchPage.field(refused);
            String detail = refusals.text(refused, locale);
            Failure failure = field.isEmpty() || !fieldOf(action, field)
                    ? new Failure(action, Map.of(), detail)
                    : new Failure(action, Map.of(formField(field), detail), null);
            return failed(current, failure, form, me, model, locale, response, refused.getStatusCode());
        }
        redirect.addFlashAttribute("done", action);
        return "redirect:/incidents/" + id;
    }

    // ---------------------------------------------------------------------------------------------------------

    private String stale(
            IncidentView now,
            long seen,
            StaffPrincipal me,
            Model model,
            Locale locale,
            jakarta.servlet.http.HttpServletResponse response) {
        List<HistoryView.Entry> changes = now.history().entries().stream()
                .filter(e -> e.sequence() > seen)
                .toList();
        String summary;
        if (changes.isEmpty()) {
            summary = message("stale.unknown", locale);
        } else {
            HistoryView.Entry first = changes.get(0);
            HistoryView.Entry last = changes.get(changes.size() - 1);
            String from = first.fromStatus() == null ? first.toStatus() : first.fromStatus();
            if (from.equals(now.status())) {
                summary = message(
                        "stale.acted",
                        locale,
                        last.actionLabel(),
                        last.actorName(),
                        IncidentTimes.CLOCK_FORMAT.format(last.at()));
            } else {
                summary = message(
                        "stale.moved",
                        locale,
                        statusLabel(from, locale),
                        statusLabel(now.status(), locale),
                        last.actorName(),
                        IncidentTimes.CLOCK_FORMAT.format(last.at()));
            }
        }
        model.addAttribute("stale", summary);
        model.addAttribute("staleEntries", changes);
        response.setStatus(HttpStatus.CONFLICT.value());
        return render(now, me, model, locale);
    }

    private String failed(
            IncidentView incident,
            Failure failure,
            Map<String, String> form,
            StaffPrincipal me,
            Model model,
            Locale locale,
            jakarta.servlet.http.HttpServletResponse response,
            HttpStatusCode status) {
        model.addAttribute("failure", failure);
        model.addAttribute("submitted", form);
        response.setStatus(status.value());
        return render(incident, me, model, locale);
    }

    private String render(IncidentView incident, StaffPrincipal me, Model model, Locale locale) {
        Status status = Status.valueOf(incident.status());
        boolean owner = me.hasRole(Role.CENTRE_DISPATCHER)
                && incident.owner() != null
                && incident.owner().id() == me.orgId();
        boolean above = !owner
                && me.hasAnyRole(Role.CENTRE_DISPATCHER, Role.LEADER)
                && incident.owner() != null
                && me.canSeePath(incident.owner().regionPath());
        boolean fresh = status == Status.REPORTED;
        boolean accepted = status == Status.ACCEPTED;
        Set<String> actions = new java.util.LinkedHashSet<>();
        if (owner && fresh) {
            actions.add("accept");
            actions.add("reject");
        }
        if (owner && accepted) {
            actions.add("dispatch");
        }
        if (owner && (fresh || accepted)) {
            actions.add("merge");
            if (!"CITY".equals(incident.owner().level())) {
                actions.add("escalate");
            }
        }
        if (owner && status == Status.IN_PROGRESS && incident.pendingExtension() != null) {
            actions.add("extension");
        }
        if (owner && status == Status.HANDLED) {
            actions.add("verify");
        }
        if (owner && status == Status.CLOSED && "DISSATISFIED".equals(incident.satisfaction())) {
            actions.add("reopen");
        }
        if (status.isOpen() && (above || (owner && incident.handling() != null))) {
            actions.add("urge");
        }
        if (status.isOpen() && above) {
            actions.add("supervise");
        }
        if (owner && status.isOpen()) {
            // 核定事项类型: first among the actions while the item is only suggested
            actions.add("reclassify");
        }
        model.addAttribute("incident", incident);
        model.addAttribute("actions", actions);
        model.addAttribute(
                "seen",
                incident.history().entries().stream()
                        .mapToLong(HistoryView.Entry::sequence)
                        .max()
                        .orElse(0));
        model.addAttribute("supervisorName", supervisorName(incident));
        model.addAttribute("orgNames", orgNames(incident));
        if (actions.contains("dispatch")) {
            model.addAttribute("departments", departments(incident));
            model.addAttribute(
                    "supervisors",
                    staff.gridStaff(incident.gridCode()).stream()
                            .filter(a -> a.duty() == GridDuty.GRID_WORKER)
                            .toList());
            IncidentView.Limit handle = incident.terms().handle();
            TimeMode mode = TimeMode.valueOf(handle.mode());
            Instant deadline = calendars.current().deadline(clock.instant(), handle.duration(), mode);
            model.addAttribute("handleLimit", handle);
            model.addAttribute("handleDeadline", deadline);
        }
        if (actions.contains("merge")) {
            model.addAttribute("mergeCandidates", mergeCandidates(incident, me));
        }
        if (actions.contains("reclassify")) {
            model.addAttribute("categories", catalog.categories());
        }
        model.addAttribute("statusLabel", statusLabel(incident.status(), locale));
        if (!model.containsAttribute("submitted")) {
            model.addAttribute("submitted", Map.of());
        }
        return "incident/detail";
    }

    /** The names of the organisations the history mentions, by id. */
    private Map<Long, String> orgNames(IncidentView incident) {
        Map<Long, String> names = new HashMap<>();
        incident.history()
                .entries()
                .forEach(e -> names.computeIfAbsent(
                        e.orgId(),
                        id -> organisations.find(id).map(OrganisationView::name).orElse("")));
        return names;
    }

    /** The departments serving the place, deepest branch first, the catalog item's suggestions at the top. */
    private List<DepartmentChoice> departments(IncidentView incident) {
        List<String> suggested = incident.terms().departmentCodes();
        Map<String, OrganisationView> byCode = new LinkedHashMap<>();
        List<RegionView> lineage = new ArrayList<>(regions.lineage(incident.villageCode()));
        java.util.Collections.reverse(lineage);
        for (RegionView region : lineage) {
            for (OrganisationView d : organisations.departments(region.code())) {
                if (d.deptCode() != null) {
                    byCode.putIfAbsent(d.deptCode(), d);
                }
            }
        }
        List<DepartmentChoice> first = new ArrayList<>();
        List<DepartmentChoice> rest = new ArrayList<>();
        for (String code : suggested) {
            OrganisationView d = byCode.get(code);
            if (d != null) {
                first.add(new DepartmentChoice(code, d.name(), true));
            }
        }
        byCode.forEach((code, d) -> {
            if (!suggested.contains(code)) {
                rest.add(new DepartmentChoice(code, d.name(), false));
            }
        });
        first.addAll(rest);
        return first;
    }

    /** The supervising grid worker of a dual dispatch by name and grid, 李四（花园社区第1网格）; null if none. */
    private String supervisorName(IncidentView incident) {
        if (incident.handling() == null || incident.handling().supervisorUserId() == null) {
            return null;
        }
        return staff.find(incident.handling().supervisorUserId())
                .map(u -> u.displayName() + "（" + placeNames.grid(incident.gridCode()) + "）")
                .orElse(null);
    }

    /** Open incidents of the same item in the same village: the duplicates this one could be merged into. */
    private List<IncidentSummaryView> mergeCandidates(IncidentView incident, StaffPrincipal me) {
        return incidents
                .list(
                        IncidentFilter.all(null, 0, 50)
                                .inRegion(incident.villageCode())
                                .ofItem(incident.itemCode()),
                        me)
                .items()
                .stream()
                .filter(s -> !s.id().equals(incident.id())
                        && Status.valueOf(s.status()).isOpen())
                .sorted(java.util.Comparator.comparing(
                        (IncidentSummaryView s) -> !s.gridCode().equals(incident.gridCode())))
                .limit(10)
                .toList();
    }

    private String statusLabel(String status, Locale locale) {
        return messages.getMessage("incident.status." + status, null, status, locale);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private void require(Map<String, String> fields, String field, String value, String key, Locale locale) {
        if (value == null) {
            fields.put(field, message(key, locale));
        }
    }

    /** Whether a field the API names is one the action's form shows. */
    private static boolean fieldOf(String action, String field) {
        return switch (formField(field)) {
            case "comment" -> true;
            case "department", "assisting", "supervisor" -> action.equals("dispatch");
            case "into" -> action.equals("merge");
            case "hours" -> action.equals("supervise");
            case "itemCode" -> action.equals("reclassify");
            default -> false;
        };
    }

    private static String formField(String apiField) {
        if (apiField.startsWith("assisting")) {
            return "assisting";
        }
        return apiField.equals("supervisorUserId") ? "supervisor" : apiField;
    }

    private static IncidentCommand.Plain plain(String comment) {
        return new IncidentCommand.Plain(comment, List.of());
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The actions this page's forms post. */
    private static final Set<String> ACTIONS = Set.of(
            "accept",
            "reject",
            "merge",
            "dispatch",
            "escalate",
            "urge",
            "supervise",
            "verify",
            "reopen",
            "extension",
            "reclassify");

    /** A number every form of the page carries ({@code version}); a form without it was not made by the page. */
    private static long required(Map<String, String> form, String field) {
        String value = form.get(field);
        if (value == null || !value.strip().matches("-?[0-9]{1,18}")) {
            throw Problems.invalid(field, field + " is required: the number the page was rendered with");
        }
        return Long.parseLong(value.strip());
    }

    private static long number(String value, long otherwise) {
        try {
            return value == null ? otherwise : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
