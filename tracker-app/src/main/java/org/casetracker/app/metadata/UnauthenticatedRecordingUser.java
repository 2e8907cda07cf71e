package org.casetracker.app.metadata;

import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Until there are users: {@code anonymous} inside an HTTP request, {@code system} outside one (the record loader,
 * background work). Spring binds the request to the thread that serves it, and commands run on that thread.
 */
@Component
public class UnauthenticatedRecordingUser implements RecordingUser {

    @Override
    public String current() {
        return RequestContextHolder.getRequestAttributes() != null ? ANONYMOUS : SYSTEM;
    }
}
