package org.gridwatch.staff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridwatch.security.Role;

/**
 * An account for a person of the roster: a username, the password an ADMIN chose (never in a file, never logged;
 * the person should change it), and optionally the role, which must fit the person's duty (left out: the one that does).
 */
record AccountRequest(
    @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}", message = "3 to 40 lower-case letters, digits, '.', '_' or '-'")
    String username,
    Role role,
    @NotBlank @Size(min = 12, max = 72, message = "12 to 72 characters") String password) {}
