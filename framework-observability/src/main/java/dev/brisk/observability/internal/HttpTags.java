package dev.brisk.observability.internal;

import java.util.Locale;

/** Bounded tag values: methods, statuses and outcomes, precomputed so the request path allocates none. */
final class HttpTags {
    /** The methods of RFC 9110 and PATCH; anything else is {@code _OTHER} (OpenTelemetry's rule), so clients cannot add series. */
    static final String[] METHODS = {"GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"};
    static final int OTHER = METHODS.length;
    static final int METHOD_SLOTS = METHODS.length + 1;
    static final String OTHER_METHOD = "_OTHER";
    /** Status tags 100..599; anything else (never produced by Brisk) counts as 500. */
    private static final String[] STATUS = new String[600];

    static {
        for (int i = 100; i < 600; i++) STATUS[i] = Integer.toString(i);
    }

    private HttpTags() {
    }

    /** The index of a known method, else {@link #OTHER}. */
    static int method(String m) {
        // The common ones by identity first: Netty's decoder hands out its constants' names.
        for (int i = 0; i < METHODS.length; i++) {
            if (METHODS[i] == m) return i;
        }
        for (int i = 0; i < METHODS.length; i++) {
            if (METHODS[i].equals(m)) return i;
        }
        return OTHER;
    }

    static String methodName(int index) {
        return index == OTHER ? OTHER_METHOD : METHODS[index];
    }

    static int statusIndex(int status) {
        return status >= 100 && status < 600 ? status : 500;
    }

    static String status(int status) {
        return STATUS[statusIndex(status)];
    }

    static String outcome(int status) {
        if (status >= 100 && status < 200) return "INFORMATIONAL";
        if (status >= 200 && status < 300) return "SUCCESS";
        if (status >= 300 && status < 400) return "REDIRECTION";
        if (status >= 400 && status < 500) return "CLIENT_ERROR";
        if (status >= 500 && status < 600) return "SERVER_ERROR";
        return "UNKNOWN";
    }

    /** The {@code uri} tag of a request no route matched. */
    static String unmatchedUri(int status) {
        if (status == 404) return "NOT_FOUND";
        if (status >= 300 && status < 400) return "REDIRECTION";
        return "UNKNOWN";
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
