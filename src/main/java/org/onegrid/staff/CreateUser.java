package org.onegrid.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Create a user account bound to one organisation.
 *
 * @param phone an optional mainland mobile number (11 digits); stored encrypted, shown masked
 */
public record CreateUser(
        @NotBlank @Pattern(regexp = USERNAME, message = "3–32 位小写字母、数字或 . _ -，以字母开头")
        String username,

        @NotBlank @Size(max = 40) String displayName,

        @NotNull @Pattern(regexp = PASSWORD, message = "至少10位，须同时包含字母和数字")
        String password,

        @NotNull Long orgId,
        @NotEmpty Set<Role> roles,

        @Pattern(regexp = "1[3-9][0-9]{9}", message = "须为11位手机号码")
        String phone) {

    /** Lower-case letters, digits, dot, underscore, hyphen; starts with a letter. */
    public static final String USERNAME = "[a-z][a-z0-9._-]{2,31}";

    /** At least 10 characters with at least one letter and one digit. */
    public static final String PASSWORD = "(?=.*[A-Za-z])(?=.*[0-9]).{10,128}";

    public CreateUser {
        roles = roles == null
                ? Set.of()
                : roles.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String toString() {
        return "CreateUser[username=" + username + ", orgId=" + orgId + ", roles=" + roles + "]";
    }
}
