package org.gridwatch.activity;

/** What an activity is: 邻居节, 便民服务大集, a training, a volunteer service, or another kind. */
public enum ActivityKind { NEIGHBOUR_FESTIVAL, SERVICE_FAIR, TRAINING, VOLUNTEER_SERVICE, OTHER }
