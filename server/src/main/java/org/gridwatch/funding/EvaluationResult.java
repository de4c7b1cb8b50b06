package org.gridwatch.funding;

/** A published evaluation: passed, to be rectified (整改), or failed. */
public enum EvaluationResult { PASS, RECTIFY, FAIL }
