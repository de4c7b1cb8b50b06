package org.gridwatch.mediation;

/** Who mediates: a people's mediator (人民调解员), a volunteer or a lawyer (the community's contracted law firm). */
public enum MediatorKind { PEOPLES_MEDIATOR, VOLUNTEER, LAWYER }
