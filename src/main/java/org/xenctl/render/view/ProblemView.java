package org.xenctl.render.view;

/** An error or warning about a config file, for JSON: where it is and what to do. */
public record ProblemView(String severity, String file, Integer line, Integer column, String message, String hint) {
}
