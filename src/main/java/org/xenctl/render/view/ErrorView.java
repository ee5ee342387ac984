package org.xenctl.render.view;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A failure, as written to stderr: {"error": {code, message, hint, exit_status}} under -o json. */
public record ErrorView(Body error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Body(String code, String message, String hint, int exitStatus) { }

    public static ErrorView of(String code, String message, String hint, int exitStatus) {
        return new ErrorView(new Body(code, message, hint, exitStatus));
    }
}
