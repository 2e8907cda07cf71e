package org.casetracker.domain.cases;

public enum CaseStatus { OPEN, CLOSED }
