package org.gridwatch.coverage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.gridwatch.groundnet.RouteRequest;
import org.gridwatch.skynet.CameraRequest;

/**
 * A what-if: drafted cameras and routes at a moment ({@code window}: day, night or an instant), nothing saved. Each
 * draft is checked as a create would check it, with fields named {@code cameras[i].…} and {@code routes[i].…}.
 */
record WhatIfRequest(
    @Size(max = 40) String window,
    @Size(max = 200, message = "at most 200 draft cameras") List<@NotNull @Valid CameraRequest> cameras,
    @Size(max = 50, message = "at most 50 draft routes") List<@NotNull @Valid RouteRequest> routes) {}
