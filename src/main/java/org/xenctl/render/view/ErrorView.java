package org.xenctl.render.view;

import java.util.List;

/**
 * A failure, as written to stderr: {"error": {code, message, hint, exit_status, problems}} under -o json;
 * {@code problems} lists every error and warning of a config file (empty for other failures).
 */
public record ErrorView(Body error) {

    public record Body(String code, String message, String hint, int exitStatus, List<ProblemView> problems) { }

    public static ErrorView of(String code, String message, String hint, int exitStatus) {
        return new ErrorView(new Body(code, message, hint, exitStatus, List.of()));
    }

    public static ErrorView of(String code, String message, String hint, int exitStatus, List<ProblemView> problems) {
        return new ErrorView(new Body(code, message, hint, exitStatus, problems));
    }
}
