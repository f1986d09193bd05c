package org.onegrid.hazard.web;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.onegrid.casework.attach.Attachment;
import org.onegrid.casework.attach.Attachments;
import org.onegrid.shared.web.Problems;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;

/** Photos in and out of the module's API: the size checked before the bytes are read, served private and unsniffed. */
final class Photos {

    private Photos() {}

    static byte[] read(MultipartFile file) throws IOException {
        if (file.getSize() > Attachments.MAX_BYTES) {
            throw Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE,
                    "photo-too-large",
                    "A photo may have at most 10 MB, not " + file.getSize() + " bytes",
                    Map.of("field", "file"));
        }
        return file.getBytes();
    }

    static ResponseEntity<byte[]> serve(Optional<Attachment.WithData> photo, String id) {
        Attachment.WithData p = photo.orElseThrow(() -> Problems.notFound("photo", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(p.attachment().contentType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(p.data());
    }
}
