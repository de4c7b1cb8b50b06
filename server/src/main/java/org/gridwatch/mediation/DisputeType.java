package org.gridwatch.mediation;

/** What a neighbour dispute is about (the V21 contract's dispute_type). */
public enum DisputeType { NOISE, WATER_LEAK, PARKING, SHARED_SPACE, PETS, PROPERTY_LINE, FAMILY, DEBT, OTHER }
