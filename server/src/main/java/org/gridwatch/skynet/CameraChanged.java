package org.gridwatch.skynet;

/** A camera was added ({@code before} null), changed, or removed ({@code after} null). */
public record CameraChanged(CameraView before, CameraView after) {}
