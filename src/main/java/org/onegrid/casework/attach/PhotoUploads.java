package org.onegrid.casework.attach;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.onegrid.shared.web.Problems;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Photos sent with a form: stored through {@link Attachments} (which checks them as for the REST API), by their ids, to
 * attach to a report or an action — the incident's phone pages and every other module's (a visit's, a dispute's, a
 * hazard's photos) alike.
 */
@Component
public class PhotoUploads {

    public static final int MAX_PHOTOS = 9;

    private final Attachments attachments;

    PhotoUploads(Attachments attachments) {
        this.attachments = attachments;
    }

    public List<UUID> store(List<MultipartFile> files, StaffPrincipal me) {
        return store(files, data -> attachments.store(data, me.userId()).id());
    }

    /** The photos a resident without an account sends with a report, checked and limited as every form's. */
    public List<UUID> storeAnonymously(List<MultipartFile> files) {
        return store(
                files, data -> attachments.store(data, Attachments.ANONYMOUS).id());
    }

    private static List<UUID> store(List<MultipartFile> files, java.util.function.Function<byte[], UUID> upload) {
        List<MultipartFile> given = files == null
                ? List.of()
                : files.stream().filter(f -> !f.isEmpty()).toList();
        if (given.size() > MAX_PHOTOS) {
            throw Problems.of(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "too-many-photos",
                    "最多上传 " + MAX_PHOTOS + " 张照片",
                    Map.of("field", "photos"));
        }
        List<UUID> ids = new ArrayList<>();
        for (MultipartFile file : given) {
            try {
                ids.add(upload.apply(file.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (org.springframework.web.ErrorResponseException e) {
                throw Problems.of(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "bad-photo",
                        "照片 " + file.getOriginalFilename() + " 无法接收：仅限 JPEG、PNG、WebP 格式，每张不超过 10 MB",
                        Map.of("field", "photos"));
            }
        }
        return ids;
    }
}
