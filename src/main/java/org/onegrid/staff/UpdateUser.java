package org.onegrid.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Change a user's name, organisation and roles, as read at {@code version}.
 *
 * @param version the account's version the change was made from; another administrator's change since is refused
 */
public record UpdateUser(
        @NotNull Integer version,
        @NotBlank @Size(max = 40) String displayName,
        @NotNull Long orgId,
        @NotEmpty Set<Role> roles) {

    public UpdateUser {
        roles = roles == null
                ? Set.of()
                : roles.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }
}
