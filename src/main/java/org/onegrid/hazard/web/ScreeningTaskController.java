package org.onegrid.hazard.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.hazard.CompleteTask;
import org.onegrid.hazard.Hazards;
import org.onegrid.hazard.Screening;
import org.onegrid.hazard.TaskView;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Screening tasks 排查任务: mine, a region's by state, one with its checklist, completing one at the place (each failed
 * item becomes a hazard in the same step), photos.
 */
@RestController
@RequestMapping("/api/v1/screening-tasks")
class ScreeningTaskController {

    private final Screening screening;
    private final Hazards hazards;

    ScreeningTaskController(Screening screening, Hazards hazards) {
        this.screening = screening;
        this.hazards = hazards;
    }

    /** 我的排查任务. */
    @GetMapping("/mine")
    List<TaskView> mine(@AuthenticationPrincipal StaffPrincipal me) {
        return screening.myTasks(me);
    }

    /** A region's tasks due in a span: {@code state} OPEN, MISSED (逾期未完成) or DONE; pages of 50. */
    @GetMapping
    List<TaskView> list(
            @RequestParam(required = false) String region,
            @RequestParam(required = false) UUID plan,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int page,
            @AuthenticationPrincipal StaffPrincipal me) {
        Problems.checkDay("from", from);
        Problems.checkDay("to", to);
        return screening.tasks(region, plan, from, to, state, page, me);
    }

    @GetMapping("/{id}")
    TaskView task(@PathVariable UUID id, @AuthenticationPrincipal StaffPrincipal me) {
        return screening.task(id, me).orElseThrow(() -> Problems.notFound("task", id.toString()));
    }

    @PostMapping("/{id}/complete")
    TaskView complete(@PathVariable UUID id, @RequestBody CompleteTask c, @AuthenticationPrincipal StaffPrincipal me) {
        return screening.complete(id, c, me);
    }

    /** Uploads a photo (multipart field {@code file}) to name in an answer. */
    @PostMapping(path = "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Map<String, UUID>> upload(
            @RequestPart("file") MultipartFile file, @AuthenticationPrincipal StaffPrincipal me) throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", hazards.upload(Photos.read(file), me)));
    }

    @GetMapping("/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(
            @PathVariable UUID id, @PathVariable UUID photoId, @AuthenticationPrincipal StaffPrincipal me) {
        return Photos.serve(hazards.photo("screening-task", id, photoId, me), photoId.toString());
    }
}
