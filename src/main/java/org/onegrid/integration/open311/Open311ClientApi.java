package org.onegrid.integration.open311;

import java.net.URI;
import java.util.List;
import org.onegrid.staff.StaffPrincipal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Open311 clients and their API keys, for administrators: issue (the key is shown once), list, revoke. */
@RestController
@RequestMapping("/api/v1/open311/clients")
class Open311ClientApi {

    private final Open311Clients clients;

    Open311ClientApi(Open311Clients clients) {
        this.clients = clients;
    }

    /** 201 with the new client and its {@code apiKey}, which is never shown again. */
    @PostMapping
    ResponseEntity<Open311Clients.IssuedClient> issue(
            @AuthenticationPrincipal StaffPrincipal me, @RequestBody Open311Clients.IssueClient command) {
        Open311Clients.IssuedClient issued = clients.issue(command, me);
        return ResponseEntity.created(
                        URI.create("/api/v1/open311/clients/" + issued.client().id()))
                .body(issued);
    }

    @GetMapping
    List<Open311Clients.ClientView> list(@AuthenticationPrincipal StaffPrincipal me) {
        return clients.list(me);
    }

    @PostMapping("/{id}/revoke")
    Open311Clients.ClientView revoke(@AuthenticationPrincipal StaffPrincipal me, @PathVariable long id) {
        return clients.revoke(id, me);
    }
}
