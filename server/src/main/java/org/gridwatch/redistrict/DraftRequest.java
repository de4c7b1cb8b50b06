package org.gridwatch.redistrict;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A draft to save: its {@code name}, the edit's {@code kind}, the area's {@code code} (not for a merge) and the
 * {@code edit} body exactly as the edit's own endpoint takes it (read by {@link EditRequests}, which names fields).
 */
record DraftRequest(
    @NotBlank(message = "a name of 1 to 200 characters") @Size(max = 200, message = "a name of 1 to 200 characters") String name,
    @NotNull(message = "one of reshape, split, merge, buildings, children")
    @Pattern(regexp = "reshape|split|merge|buildings|children", message = "one of reshape, split, merge, buildings, children") String kind,
    @Size(max = 40, message = "the area to edit") String code,
    @NotNull(message = "the edit's body, as its endpoint takes it") JsonNode edit) {}
