package org.gridwatch.skynet;

/** Whether a camera works: only ONLINE cameras count towards coverage. */
public enum CameraStatus { ONLINE, OFFLINE, FAULT }
