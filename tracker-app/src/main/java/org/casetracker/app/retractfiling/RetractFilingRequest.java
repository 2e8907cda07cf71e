package org.casetracker.app.retractfiling;

/** The body of {@code POST .../filings/{filingId}/retraction}: why the entry was recorded in error. */
public record RetractFilingRequest(String reason) {
}
