package org.xenctl.render.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.xenctl.render.View;

/**
 * A verb's answer over several hosts: each host's result, or why it has none; whether each answered decides the
 * exit status (all, some, none).
 */
public interface FleetView extends View {

    /**
     * One host's answer.
     *
     * @param uri    the URI it was reached by
     * @param result what it answered, or null when it did not
     * @param error  why it did not answer, or null
     */
    record Host<T>(String uri, T result, ErrorView.Body error) {
        public boolean answered() {
            return error == null;
        }
    }

    /** Every host, in the order named. */
    List<? extends Host<?>> hosts();

    /** Some hosts answered and some did not: the answer is partial. */
    default boolean partial() {
        return hosts().stream().anyMatch(Host::answered) && hosts().stream().anyMatch(host -> !host.answered());
    }

    default boolean noneAnswered() {
        return hosts().stream().noneMatch(Host::answered);
    }

    /**
     * The JSON {@code hosts[]} every fleet answer carries: {"uri", "answered", KEY: what the host answered |
     * "error": why it did not}; with a null KEY, only the error.
     */
    static <T> List<Map<String, Object>> hostsJson(List<Host<T>> hosts, String key, Function<T, Object> answer) {
        List<Map<String, Object>> answers = new ArrayList<>(hosts.size());
        for (Host<T> host : hosts) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("uri", host.uri());
            entry.put("answered", host.answered());
            if (!host.answered()) {
                entry.put("error", host.error());
            } else if (key != null) {
                entry.put(key, answer.apply(host.result()));
            }
            answers.add(entry);
        }
        return answers;
    }
}
